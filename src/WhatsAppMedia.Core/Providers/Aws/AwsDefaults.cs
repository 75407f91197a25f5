using System.Globalization;

namespace WhatsAppMedia.Core.Providers.Aws;

/// <summary>What <see cref="AwsOptions"/> falls back to, stated once.</summary>
internal static class AwsDefaults
{
    /// <summary>
    /// The tenant's regional endpoint when <see cref="AwsOptions.Endpoint"/> is unset (AWS General Reference, "AWS End
    /// User Messaging Social endpoints and quotas").
    /// </summary>
    public static Uri RegionalEndpoint(string region) =>
        new(string.Create(CultureInfo.InvariantCulture, $"https://social-messaging.{region}.amazonaws.com/"));
}
