using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Retrievals;
using WhatsAppMedia.Testing.Time;
using static WhatsAppMedia.Core.Tests.Providers.ScriptedProvider;

namespace WhatsAppMedia.Core.Tests.Providers;

/// <summary>The metadata call goes through the delete's retry loop: the same retries, budget and final answers.</summary>
public class ProviderClientMetadataTests
{
    private static readonly MetaCredentials Credentials = new("token");
    private static readonly MediaMetadata Found = new("image/jpeg", null, 10, null);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private readonly TimerWatchingTimeProvider _time = new();

    [Fact]
    public async Task A_transient_answer_is_retried_after_the_back_off_and_the_metadata_returned()
    {
        var metadata = new ScriptedMetadataProvider(MetadataAnswer.Failed(new ProviderAnswer(ProviderOutcome.Transient, 503)), MetadataAnswer.Found(Found));

        var call = Client(metadata).GetMetadataAsync(Credentials, new MediaTarget("1234"));
        (await _time.NextTimerOtherThanAsync(AttemptTimeout)).ShouldBe(TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var result = await call;

        result.ShouldBe(new MetadataResult(Found, null, 2));
    }

    [Theory]
    [InlineData(ProviderOutcome.NotFound)]
    [InlineData(ProviderOutcome.Rejected)]
    [InlineData(ProviderOutcome.CredentialsRefused)]
    public async Task A_final_refusal_is_returned_without_retrying(ProviderOutcome outcome)
    {
        var metadata = new ScriptedMetadataProvider(MetadataAnswer.Failed(new ProviderAnswer(outcome, 400)));

        var result = await Client(metadata).GetMetadataAsync(Credentials, new MediaTarget("1234"));

        (result.Metadata, result.Failure!.Outcome, result.Attempts, metadata.Calls).ShouldBe((null, outcome, 1, 1));
    }

    [Fact]
    public async Task An_invalid_media_id_gets_no_target_and_a_provider_without_metadata_is_named()
    {
        var metadata = new ScriptedMetadataProvider(MetadataAnswer.Found(Found));

        Client(metadata).TryResolve("meta", "not-digits", null, out var target, out var error).ShouldBeFalse();
        (target, error!.Code).ShouldBe((null, "invalid_media_id"));
        metadata.Calls.ShouldBe(0);
        var withoutMetadata = new ProviderClient([new ScriptedProvider(_time, Answer(ProviderOutcome.Deleted))], Options.Create(new ProviderRetryOptions()), _time, NullLogger<ProviderClient>.Instance);
        withoutMetadata.MetadataProvider("meta").ShouldBeNull();
        await Should.ThrowAsync<InvalidOperationException>(() => withoutMetadata.GetMetadataAsync(Credentials, new MediaTarget("1234")));
    }

    private ProviderClient Client(ScriptedMetadataProvider metadata) =>
        new([new ScriptedProvider(_time, Answer(ProviderOutcome.Deleted))], Options.Create(new ProviderRetryOptions()), _time, NullLogger<ProviderClient>.Instance, [metadata])
        {
            NextJitter = () => 0,
        };
}
