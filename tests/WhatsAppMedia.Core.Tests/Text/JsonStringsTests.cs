using System.Text;
using WhatsAppMedia.Core.Text;

namespace WhatsAppMedia.Core.Tests.Text;

public class JsonStringsTests
{
    [Fact]
    public void Every_lone_surrogate_escape_is_found_with_its_path()
    {
        const string Json = """
            {"a":"ok","items":[{"mediaId":"\ud800"},{"phone":"x\udc00y","mediaId":"1"}],"b":[[],["x","\uDBFF"]],"c":{"d":{"e":"\ud800"}},"f":"\ud83d\ude00"}
            """;

        var found = JsonStrings.FindNonText(Json);

        found.Select(nonText => nonText.Path).ShouldBe(["$.items[0].mediaId", "$.items[1].phone", "$.b[1][1]", "$.c.d.e"]);
        found[0].Segments.ShouldBe(["items", 0, "mediaId"]);
        found[0].Field.ShouldBe("mediaId");
        found[2].Field.ShouldBeNull();
        found.ShouldAllBe(nonText => !nonText.IsPropertyName);
    }

    [Fact]
    public void A_property_name_that_is_not_text_is_found_at_the_object_that_holds_it()
    {
        var found = JsonStrings.FindNonText("""{"x":[{"ok":1},{"\ud800":1,"after":"\udfff"}]}""");

        found.Count.ShouldBe(2);
        found[0].ShouldSatisfyAllConditions(
            nonText => nonText.Path.ShouldBe("$.x[1]"),
            nonText => nonText.IsPropertyName.ShouldBeTrue(),
            nonText => nonText.Describe().ShouldBe("a property name in '$.x[1]'"));
        found[1].Path.ShouldBe("$.x[1].after");
    }

    [Fact]
    public void Raw_bytes_that_are_not_utf8_are_found_in_values_and_names()
    {
        byte[] json = [.. "{\"mediaId\":\""u8, 0xFF, .. "\",\""u8, 0xC0, 0x80, .. "\":1,\"ok\":\"\u00e9\"}"u8];

        var found = JsonStrings.FindNonText(json);

        found.Select(nonText => (nonText.Path, nonText.IsPropertyName)).ShouldBe([("$.mediaId", false), ("$", true)]);
    }

    [Fact]
    public void Text_including_paired_surrogates_and_escapes_is_not_reported()
    {
        JsonStrings.FindNonText("""{"a":"\ud83d\ude00 😀 \u00e9 \n","b":[1,true,null,{"c":"d"}],"\u0041":"x"}""").ShouldBeEmpty();
        JsonStrings.FindNonText("[]").ShouldBeEmpty();
        JsonStrings.FindNonText("\"plain\"").ShouldBeEmpty();
    }

    [Fact]
    public void Scanning_stops_at_the_maximum()
    {
        var json = "[" + string.Join(',', Enumerable.Repeat("\"\\ud800\"", 50)) + "]";

        JsonStrings.FindNonText(json, max: 3).Select(nonText => nonText.Path).ShouldBe(["$[0]", "$[1]", "$[2]"]);
    }

    [Fact]
    public void The_problem_sentence_names_the_place_and_never_the_value()
    {
        var problem = JsonStrings.FindNonText("""{"mediaId":"secret\ud800"}""").ShouldHaveSingleItem().Problem();

        problem.ShouldStartWith("'$.mediaId' is not text");
        problem.ShouldNotContain("secret");
    }

    [Fact]
    public void A_lone_surrogate_in_a_string_is_found()
    {
        // Built in code: attribute arguments cannot carry lone surrogates (they are stored as UTF-8).
        JsonStrings.FindLoneSurrogate("abc").ShouldBeNull();
        JsonStrings.FindLoneSurrogate("a\ud83d\ude00b").ShouldBeNull();
        JsonStrings.FindLoneSurrogate("a\ud800b").ShouldBe(1);
        JsonStrings.FindLoneSurrogate("ab\udc00").ShouldBe(2);
        JsonStrings.FindLoneSurrogate("\ude00\ud83d").ShouldBe(0);
    }

    [Fact]
    public void The_strict_encoder_refuses_a_lone_surrogate_instead_of_replacing_it() =>
        Should.Throw<EncoderFallbackException>(() => JsonStrings.StrictUtf8.GetBytes("a\ud800"));
}
