using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Retrievals;
using WhatsAppMedia.Testing.Time;
using static WhatsAppMedia.Core.Tests.Providers.ScriptedProvider;

namespace WhatsAppMedia.Core.Tests.Providers;

/// <summary>The metadata call goes through the delete's retry loop: the same retries, budget and final answers.</summary>
public class MediaDeletionClientMetadataTests
{
    private static readonly MetaCredentials Credentials = new("token");
    private static readonly MediaMetadata Found = new("image/jpeg", null, 10, null);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private readonly TimerWatchingTimeProvider _time = new();

    [Fact]
    public async Task A_transient_answer_is_retried_after_the_back_off_and_the_metadata_returned()
    {
        var metadata = new ScriptedMetadataProvider(MetadataAnswer.Failed(new ProviderAnswer(DeletionOutcome.Transient, 503)), MetadataAnswer.Found(Found));

        var call = Client(metadata).GetMetadataAsync(Credentials, new MediaDeletionTarget("1234"));
        (await _time.NextTimerOtherThanAsync(AttemptTimeout)).ShouldBe(TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var result = await call;

        result.ShouldBe(new MetadataResult(Found, null, 2));
    }

    [Theory]
    [InlineData(DeletionOutcome.NotFound)]
    [InlineData(DeletionOutcome.Rejected)]
    [InlineData(DeletionOutcome.CredentialsRefused)]
    public async Task A_final_refusal_is_returned_without_retrying(DeletionOutcome outcome)
    {
        var metadata = new ScriptedMetadataProvider(MetadataAnswer.Failed(new ProviderAnswer(outcome, 400)));

        var result = await Client(metadata).GetMetadataAsync(Credentials, new MediaDeletionTarget("1234"));

        (result.Metadata, result.Failure!.Outcome, result.Attempts, metadata.Calls).ShouldBe((null, outcome, 1, 1));
    }

    [Fact]
    public async Task An_invalid_target_is_refused_before_any_call_and_a_provider_without_metadata_is_named()
    {
        var metadata = new ScriptedMetadataProvider(MetadataAnswer.Found(Found));

        await Should.ThrowAsync<ArgumentException>(() => Client(metadata).GetMetadataAsync(Credentials, new MediaDeletionTarget("not-digits")));
        metadata.Calls.ShouldBe(0);
        var withoutMetadata = new MediaDeletionClient([new ScriptedProvider(_time, Answer(DeletionOutcome.Deleted))], Options.Create(new ProviderRetryOptions()), _time, NullLogger<MediaDeletionClient>.Instance);
        withoutMetadata.MetadataProvider("meta").ShouldBeNull();
        await Should.ThrowAsync<InvalidOperationException>(() => withoutMetadata.GetMetadataAsync(Credentials, new MediaDeletionTarget("1234")));
    }

    private MediaDeletionClient Client(ScriptedMetadataProvider metadata) =>
        new([new ScriptedProvider(_time, Answer(DeletionOutcome.Deleted))], Options.Create(new ProviderRetryOptions()), _time, NullLogger<MediaDeletionClient>.Instance, [metadata])
        {
            NextJitter = () => 0,
        };
}
