using System.Net;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WhatsAppMedia.Core.Batches;
using WhatsAppMedia.Core.Deletions;
using WhatsAppMedia.Core.Hosting;
using WhatsAppMedia.Core.Http;
using WhatsAppMedia.Core.Providers;
using WhatsAppMedia.Core.Providers.Aws;
using WhatsAppMedia.Core.Providers.Meta;
using WhatsAppMedia.Core.Providers.NxCloud;
using WhatsAppMedia.Core.Providers.SmsGatewayCenter;
using WhatsAppMedia.Core.Queues;
using WhatsAppMedia.Core.Retrievals;
using WhatsAppMedia.Core.Tenants;

namespace WhatsAppMedia.Core;

public static class MediaDeletionServiceCollectionExtensions
{
    /// <summary>
    /// Everything both hosts need, registered once: provider clients, tenants, the queue, and the operations
    /// (<see cref="MediaApi"/>, <see cref="DeletionMessageProcessor"/>). Settings are validated here or at start-up.
    /// </summary>
    public static IServiceCollection AddMediaDeletionServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<ProvidersOptions>().BindConfiguration(ProvidersOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProvidersOptions>, ProvidersOptionsValidator>());
        services.AddOptions<MediaDeletionOptions>().BindConfiguration(MediaDeletionOptions.SectionName)
            .Validate(options => QueueNameRules.Problem(options.FailedQueue) is null, "MediaDeletion:Queue must be a valid queue name of at most 56 characters.")
            .Validate(options => options.MaxThrottleRetries is >= 0 and <= 100, "MediaDeletion:MaxThrottleRetries must be from 0 to 100.")
            .Validate(options => options.EnqueueParallelism is >= 1 and <= 256, "MediaDeletion:EnqueueParallelism must be from 1 to 256.")
            .Validate(options => options.BatchRetention > TimeSpan.Zero, "MediaDeletion:BatchRetention must be a positive time span such as 30.00:00:00.")
            .ValidateOnStart();

        AddProvider<MetaMediaProvider>(services);
        AddProvider<AwsMediaProvider>(services);
        AddProvider<NxCloudMediaProvider>(services);
        AddProvider<SmsGatewayCenterMediaProvider>(services);
        services.TryAddTransient<MediaDeletionClient>();
        services.AddHttpClient<MediaDownloader>(client => client.Timeout = Timeout.InfiniteTimeSpan)
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
        services.TryAddTransient<BatchProgress>();
        services.TryAddTransient<BatchRetentionJob>();
        services.TryAddTransient<QueueRedrive>();

        services.AddMetrics();
        services.TryAddSingleton<DeletionMetrics>();
        services.TryAddSingleton<InFlightDeletions>();
        services.TryAddTransient<TenantMediaDeleter>();
        services.TryAddTransient<TenantMediaRetriever>();
        services.TryAddTransient<DeletionMessageProcessor>();
        services.TryAddTransient<MediaApi>();
        return services;
    }

    /// <summary>
    /// A typed client per provider. Timeouts belong to <see cref="MediaDeletionClient"/>, so the client's own is off;
    /// redirects are not followed, so credential headers never travel to a host nobody configured.
    /// </summary>
    private static void AddProvider<TProvider>(IServiceCollection services)
        where TProvider : class, IMediaProvider
    {
        services.AddHttpClient<TProvider>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.AddTransient<IMediaProvider>(provider => provider.GetRequiredService<TProvider>());
        if (typeof(IMediaMetadataProvider).IsAssignableFrom(typeof(TProvider)))
        {
            services.AddTransient(provider => (IMediaMetadataProvider)provider.GetRequiredService<TProvider>());
        }
    }
}
