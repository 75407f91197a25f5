namespace WhatsAppMedia.DevHost.Tests;

public sealed class LocalSettingsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("local-settings-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Values_are_read_with_double_underscores_as_section_separators()
    {
        File.WriteAllText(Path.Combine(_root, "local.settings.json"), """{"Values":{"Tenants__acme":"{\"provider\":\"meta\"}","N":3,"Empty":null}}""");

        var (_, values) = LocalSettings.Load(_root);

        values["Tenants:acme"].ShouldBe("""{"provider":"meta"}""");
        values["N"].ShouldBe("3");
        values["Empty"].ShouldBeNull();
    }

    [Fact]
    public void A_value_that_is_not_text_is_refused_at_start_up_by_name_not_by_an_exception_from_inside_the_parser()
    {
        File.WriteAllText(Path.Combine(_root, "local.settings.json"), """{"Values":{"Tenants__acme":"{\"provider\":\"meta\",\"credentials\":{\"accessToken\":\"\ud800\"}}"}}""");

        var refused = Should.Throw<InvalidOperationException>(() => LocalSettings.Load(_root));

        refused.Message.ShouldBe("local.settings.json: '$.Values.Tenants__acme' " + Core.Text.JsonStrings.NotTextReason + ".");
    }
}
