using Timpora.Core.Collective;
using Timpora.Core.Information;
using Timpora.Core.Places;
using Timpora.Core.Scheduling;

using Timpora.Core.Reports;

namespace Timpora.Core.Tests.Support;

/// <summary>Realistic values for tests: the Serang office as appsettings.json describes it, a fixed key and a fixed day.</summary>
public static class Some
{
    public const string OfficeName = "Kantor Imigrasi Kelas I Non TPI Serang";
    public const string OfficeAddress = "Jl. Warung Jaud No. 82, RT/RW 03/11, Kel. Kaligandu, Kec. Serang, Kota Serang, Banten 42151";
    public const string OfficePhone = "(0254) 209489";
    public const string OfficeEmail = "kanim_serang@imigrasi.go.id";
    public const string OfficeWebsite = "https://serang.imigrasi.go.id";
    public const double OfficeLatitude = -6.106261;
    public const double OfficeLongitude = 106.175647;
    public const string BotUsername = "TimporaSerangBot";

    /// <summary>Monday 5 January 2026, 09:00 WIB.</summary>
    public static DateTimeOffset Now { get; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>A fixed 32-byte key, so pseudonyms are the same in every run.</summary>
    public static byte[] PseudonymKey() => [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public static OfficeOptions Office() => new()
    {
        Name = OfficeName,
        Address = OfficeAddress,
        Latitude = OfficeLatitude,
        Longitude = OfficeLongitude,
        Phone = OfficePhone,
        Email = OfficeEmail,
        Website = OfficeWebsite,
        TimeZone = "Asia/Jakarta",
        Hours =
        [
            new OfficeHours { Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], Opens = new(7, 30), Closes = new(16, 0) },
            new OfficeHours { Days = [DayOfWeek.Friday], Opens = new(7, 30), Closes = new(16, 30) },
        ],
        WorkingArea = ["Kota Serang", "Kabupaten Serang", "Kabupaten Pandeglang", "Kabupaten Lebak"],
    };

    public static CollectiveOptions Collective() => new() { MinimumApplicants = 30 };

    /// <summary>Two windows a day, four applicants each, a day's notice, a month ahead: small numbers tests can fill.</summary>
    public static JemputBolaOptions JemputBola() => new()
    {
        Windows =
        [
            new VisitWindow { Starts = new(9, 0), Ends = new(11, 0) },
            new VisitWindow { Starts = new(13, 0), Ends = new(15, 0) },
        ],
        CapacityPerWindow = 4,
        CapacityUnit = CapacityUnit.Applicants,
        MaxApplicants = 4,
        MinimumLeadHours = 24,
        HorizonDays = 30,
        ScheduleAt = new(6, 0),
        EveningReminderAt = new(18, 0),
        SoonReminderHours = 2,
    };

    /// <summary>The holidays that ship in appsettings.json.</summary>
    public static CalendarOptions Calendar() => ShippedSettings.Section<CalendarOptions>(CalendarOptions.SectionName);

    /// <summary>The working area that ships in appsettings.json.</summary>
    public static AreaOptions Area() => ShippedSettings.Section<AreaOptions>(AreaOptions.SectionName);

    public const string DutyGroup = "-1001555000111";

    /// <summary>Reports go to a duty group, with two partner agencies to forward to.</summary>
    public static ReportsOptions Reports() => new()
    {
        DutyChat = DutyGroup,
        Partners =
        [
            new ReportPartner { Name = "Polres Serang", Chat = "-1001555000222" },
            new ReportPartner { Name = "Disnaker Kab. Serang", Chat = "-1001555000333" },
        ],
    };

    /// <summary>The same settings with reports going to each enrolled officer instead of a group.</summary>
    public static ReportsOptions WithoutDutyGroup(this ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DutyChat = "";
        return options;
    }
}
