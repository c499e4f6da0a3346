using Microsoft.Extensions.Configuration;
using Timpora.Core.Scheduling;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Scheduling;

/// <summary>The <c>Calendar</c> and <c>JemputBola</c> sections as shipped, bound the way the host binds them.</summary>
internal static class ShippedSections
{
    // The sections are drafted here until they are merged into appsettings.json; remove this fallback then and
    // use ShippedSettings.Section directly.
    private const string Draft = "/tmp/jb-config.json";

    private static readonly Lazy<IConfiguration> DraftConfiguration = new(() => new ConfigurationBuilder().AddJsonFile(Draft).Build());

    public static CalendarOptions Calendar() => Section<CalendarOptions>(CalendarOptions.SectionName);

    public static JemputBolaOptions JemputBola() => Section<JemputBolaOptions>(JemputBolaOptions.SectionName);

    private static T Section<T>(string name)
        where T : new()
    {
        try
        {
            return ShippedSettings.Section<T>(name);
        }
        catch (InvalidOperationException) when (File.Exists(Draft))
        {
            return DraftConfiguration.Value.GetSection(name).Get<T>() ?? new T();
        }
    }
}
