using System.Reflection;

namespace WhatsAppMedia.Functions.Tests;

/// <summary>Where the build put the deployable Functions app (the worker, functions.metadata, host.json).</summary>
internal static class FunctionsApp
{
    public const string WorkerAssembly = "WhatsAppMedia.Functions.dll";

    /// <summary>The Functions project's build output for this configuration, written into this assembly by the csproj.</summary>
    public static string Directory { get; } = typeof(FunctionsApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "FunctionsAppDirectory").Value
        ?? throw new InvalidOperationException("The test assembly does not name the Functions app's build directory.");

    public static string PathTo(string fileName) => Path.Combine(Directory, fileName);
}
