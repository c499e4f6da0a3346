using Timpora.Core.Scheduling;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Scheduling;

/// <summary>The <c>Calendar</c> and <c>JemputBola</c> sections as shipped, bound the way the host binds them.</summary>
internal static class ShippedSections
{
    public static CalendarOptions Calendar() => ShippedSettings.Section<CalendarOptions>(CalendarOptions.SectionName);

    public static JemputBolaOptions JemputBola() => ShippedSettings.Section<JemputBolaOptions>(JemputBolaOptions.SectionName);
}
