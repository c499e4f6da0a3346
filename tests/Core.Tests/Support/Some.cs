using Timpora.Core.Collective;
using Timpora.Core.Information;

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
}
