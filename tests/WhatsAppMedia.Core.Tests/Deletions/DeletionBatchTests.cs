using System.Text;
using WhatsAppMedia.Core.Deletions;

namespace WhatsAppMedia.Core.Tests.Deletions;

/// <summary>
/// The batch parser (the body of <c>POST …/media/deletions</c>, docs/openapi.json): the body's shape is refused with one
/// problem; an item's own faults come back on the item, so the caller can name every bad item by its index.
/// </summary>
public sealed class DeletionBatchTests
{
    [Fact]
    public void A_batch_with_a_default_phone_and_items_is_read_as_sent()
    {
        var batch = Parse("""{"phone":"5550001","items":[{"mediaId":"1"},{"mediaId":"2","phone":"5550002"},{"mediaId":"3","phone":null}]}""");

        batch.Phone.ShouldBe("5550001");
        batch.Items.ShouldBe([
            new DeletionBatchItem("1", null, PhoneIsMalformed: false),
            new DeletionBatchItem("2", "5550002", PhoneIsMalformed: false),
            new DeletionBatchItem("3", null, PhoneIsMalformed: false),
        ]);
    }

    [Fact]
    public void Unknown_members_are_ignored_and_a_null_default_phone_is_none()
    {
        var batch = Parse("""{"phone":null,"extra":true,"items":[{"mediaId":"1","note":"x"}]}""");

        batch.Phone.ShouldBeNull();
        batch.Items.ShouldHaveSingleItem().ShouldBe(new DeletionBatchItem("1", null, PhoneIsMalformed: false));
    }

    [Theory]
    [InlineData("""{"items":[{"mediaId":1}]}""")]
    [InlineData("""{"items":[{}]}""")]
    [InlineData("""{"items":["1"]}""")]
    public void An_item_without_a_string_media_id_is_kept_with_a_null_media_id(string body) =>
        Parse(body).Items.ShouldHaveSingleItem().MediaId.ShouldBeNull();

    [Fact]
    public void An_items_phone_that_is_not_a_string_is_marked_malformed()
    {
        var item = Parse("""{"items":[{"mediaId":"1","phone":5550001}]}""").Items.ShouldHaveSingleItem();

        item.Phone.ShouldBeNull();
        item.PhoneIsMalformed.ShouldBeTrue();
    }

    [Fact]
    public void An_items_string_that_is_not_text_is_kept_on_that_item_with_its_path()
    {
        var batch = Parse("""{"items":[{"mediaId":"1"},{"mediaId":"\ud800"}]}""");

        batch.Items[0].NonText.ShouldBeNull();
        var nonText = batch.Items[1].NonText.ShouldNotBeNull();
        nonText.Path.ShouldBe("$.items[1].mediaId");
        nonText.Field.ShouldBe("mediaId");
        batch.Items[1].MediaId.ShouldBeNull();
    }

    [Fact]
    public void Exactly_the_most_items_are_accepted() =>
        Parse(Items(DeletionBatch.MaxItems)).Items.Count.ShouldBe(DeletionBatch.MaxItems);

    [Theory]
    [InlineData("not json", "The body is not valid JSON.")]
    [InlineData("[]", "The body must be a JSON object with an 'items' array.")]
    [InlineData("""{"phone":5,"items":[{"mediaId":"1"}]}""", "'phone' must be a string.")]
    [InlineData("""{"items":{}}""", "'items' must be an array.")]
    [InlineData("""{}""", "'items' must be an array.")]
    [InlineData("""{"items":[]}""", "'items' must hold 1 to 1000 items; it holds 0.")]
    public void A_body_of_the_wrong_shape_is_refused_saying_what_is_wrong(string body, string problem) =>
        Refusal(body).ShouldBe(problem);

    [Fact]
    public void More_than_the_most_items_are_refused_with_the_count() =>
        Refusal(Items(DeletionBatch.MaxItems + 1)).ShouldBe($"'items' must hold 1 to {DeletionBatch.MaxItems} items; it holds {DeletionBatch.MaxItems + 1}.");

    [Fact]
    public void A_batch_level_string_that_is_not_text_refuses_the_whole_body_naming_its_path() =>
        Refusal("""{"phone":"\udc00","items":[{"mediaId":"1"}]}""").ShouldStartWith("'$.phone' is not text");

    private static DeletionBatch Parse(string body)
    {
        DeletionBatch.TryParse(Encoding.UTF8.GetBytes(body), out var batch, out var problem).ShouldBeTrue(problem);
        return batch;
    }

    private static string Refusal(string body)
    {
        DeletionBatch.TryParse(Encoding.UTF8.GetBytes(body), out var batch, out var problem).ShouldBeFalse();
        batch.ShouldBeNull();
        return problem;
    }

    private static string Items(int count) => """{"items":[""" + string.Join(',', Enumerable.Repeat("""{"mediaId":"1"}""", count)) + "]}";
}
