using Microsoft.Extensions.Configuration;

namespace Timpora.Core.Tests.Support;

/// <summary>
/// Sections of the repository's appsettings.json, bound as the host binds them: tests of holidays, windows and the
/// working area check what actually ships, not a copy that could drift.
/// </summary>
public static class ShippedSettings
{
    private static readonly Lazy<IConfigurationRoot> Root = new(() => new ConfigurationBuilder()
        .AddJsonFile(SourceTree.PathOf("appsettings.json"), optional: false)
        .Build());

    public static T Section<T>(string name)
        where T : new()
    {
        var section = Root.Value.GetSection(name);
        if (!section.Exists())
        {
            throw new InvalidOperationException($"appsettings.json has no '{name}' section.");
        }

        return section.Get<T>() ?? new T();
    }
}
