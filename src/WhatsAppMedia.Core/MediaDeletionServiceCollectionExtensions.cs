using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.Core.Http;
using WhatsAppMedia.Core.Pacing;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Queues;
using WhatsAppMedia.Core.Receipts;
using WhatsAppMedia.Core.Retrievals;
using WhatsAppMedia.Core.Scheduling;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core;

public static class MediaDeletionServiceCollectionExtensions
{
    /// <summary>
    /// Everything both hosts need, registered once: provider clients, tenants, the queue, and the operations
    /// (<see cref="MediaApi"/>, <see cref="DeletionMessageProcessor"/>). Every settings section is bound to its own options and validated at start-up (ValidateOnStart with one IValidateOptions per section).
    /// </summary>
    public static IServiceCollection AddMediaDeletionServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddValidatedOptions<ProviderRetryOptions, ProviderRetryOptionsValidator>(ProviderRetryOptions.SectionName);
        services.AddValidatedOptions<MediaDeletionOptions, MediaDeletionOptionsValidator>(MediaDeletionOptions.SectionName);

        services.AddProviders();
        services.TryAddTransient<ProviderClient>();
        services.AddHttpClient<MediaDownloader>(client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                ProductUserAgent.Apply(client);
            })
            .ConfigurePrimaryHttpMessageHandler(MediaDownloader.CreateHandler);

        services.AddTenants(configuration);

        // Microsoft.Extensions.Azure's component factory: credentials and client options read the way the Functions
        // host's storage extensions read them.
        services.AddAzureClientsCore();
        services.TryAddSingleton(provider => QueueHostSettings.Read(QueueHostSettings.DefaultHostJsonPath(configuration), configuration));
        services.TryAddSingleton(provider => QueueServiceClientFactory.Create(
            configuration,
            provider.GetRequiredService<AzureComponentFactory>(),
            provider.GetRequiredService<QueueHostSettings>().MessageEncoding));
        services.TryAddSingleton<IDeletionQueue, StorageDeletionQueue>();
        services.TryAddSingleton(provider => TableServiceClientFactory.Create(configuration, provider.GetRequiredService<AzureComponentFactory>()));
        services.TryAddSingleton<IBatchStore, TableBatchStore>();
        // Registered before either host's own hosted services, so it runs first.
        services.AddHostedService<StorageSettingsCheck>();
        services.TryAddSingleton<TableReceiptStore>();
        services.TryAddSingleton<ReceiptRecorder>();
        services.AddReceiptSigning();
        services.TryAddTransient<BatchProgress>();
        services.AddValidatedOptions<PacingOptions, PacingOptionsValidator>(PacingOptions.SectionName);
        services.TryAddSingleton<TablePacingStore>();
        services.TryAddSingleton(provider => new TenantPacer(
            provider.GetRequiredService<TablePacingStore>(),
            provider.GetRequiredService<ProviderRegistry>(),
            provider.GetRequiredService<IOptions<PacingOptions>>(),
            provider.GetRequiredService<TimeProvider>()));
        // Public types with internal constructors (they take Core's internal services): ActivatorUtilities only uses
        // public constructors, so these are registered with factories.
        services.TryAddTransient(provider => new BatchRetentionJob(
            provider.GetRequiredService<IBatchStore>(),
            provider.GetRequiredService<TableDueIndex>(),
            provider.GetRequiredService<IOptions<MediaDeletionOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BatchRetentionJob>>()));
        services.AddValidatedOptions<SchedulingOptions, SchedulingOptionsValidator>(SchedulingOptions.SectionName);
        services.TryAddSingleton<TableScheduleStore>();
        services.TryAddSingleton<TableDueIndex>();
        services.TryAddTransient(provider => new BatchScheduleEditor(
            provider.GetRequiredService<IBatchStore>(),
            provider.GetRequiredService<TableScheduleStore>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<TableDueIndex>()));
        services.TryAddTransient<DueDeletionCounter>();
        services.TryAddTransient(provider => new ScheduleSweepJob(
            provider.GetRequiredService<TableScheduleStore>(),
            provider.GetRequiredService<IDeletionQueue>(),
            provider.GetRequiredService<IOptions<SchedulingOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ScheduleSweepJob>>()));
        services.TryAddTransient(provider => new QueueRedrive(
            provider.GetRequiredService<QueueServiceClient>(),
            provider.GetRequiredService<IDeletionQueue>(),
            provider.GetRequiredService<IBatchStore>(),
            provider.GetRequiredService<IOptions<MediaDeletionOptions>>()));

        services.AddMetrics();
        services.TryAddSingleton<DeletionMetrics>();
        services.TryAddSingleton<InFlightDeletions>();
        services.TryAddTransient<TenantMediaDeleter>();
        services.TryAddTransient<TenantMediaRetriever>();
        services.TryAddTransient(provider => new DeletionMessageProcessor(
            provider.GetRequiredService<ITenantStore>(),
            provider.GetRequiredService<ProviderClient>(),
            provider.GetRequiredService<TenantMediaDeleter>(),
            provider.GetRequiredService<IDeletionQueue>(),
            provider.GetRequiredService<IOptions<MediaDeletionOptions>>(),
            provider.GetRequiredService<QueueHostSettings>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<BatchProgress>(),
            provider.GetRequiredService<ILogger<DeletionMessageProcessor>>(),
            provider.GetService<TenantPacer>(),
            provider.GetRequiredService<DeletionMetrics>()));
        services.TryAddTransient(provider => new BatchSubmitter(
            provider.GetRequiredService<ProviderClient>(),
            provider.GetRequiredService<IDeletionQueue>(),
            provider.GetRequiredService<IOptions<MediaDeletionOptions>>(),
            provider.GetRequiredService<IBatchStore>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BatchSubmitter>>(),
            provider.GetService<TenantPacer>(),
            provider.GetRequiredService<TableScheduleStore>(),
            provider.GetRequiredService<IOptions<SchedulingOptions>>(),
            provider.GetRequiredService<TableDueIndex>()));
        services.TryAddTransient(provider => new RegistrationSubmitter(
            provider.GetRequiredService<BatchSubmitter>(),
            provider.GetRequiredService<ProviderClient>(),
            provider.GetRequiredService<ProviderRegistry>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddTransient(provider => new MediaApi(
            provider.GetRequiredService<TenantAuthenticator>(),
            provider.GetRequiredService<ProviderClient>(),
            provider.GetRequiredService<TenantMediaDeleter>(),
            provider.GetRequiredService<BatchSubmitter>(),
            provider.GetRequiredService<IOptions<MediaDeletionOptions>>(),
            provider.GetRequiredService<IBatchStore>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<MediaApi>>(),
            provider.GetRequiredService<TenantMediaRetriever>(),
            provider.GetRequiredService<BatchScheduleEditor>(),
            provider.GetRequiredService<RegistrationSubmitter>(),
            provider.GetRequiredService<DueDeletionCounter>(),
            provider.GetRequiredService<ReceiptRecorder>(),
            provider.GetRequiredService<TableReceiptStore>()));
        return services;
    }
}
