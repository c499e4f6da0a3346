using System.ComponentModel.DataAnnotations;
using Timpora.Core.Messaging;
using Timpora.Core.Places;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Places;

public sealed class WorkingAreaTests
{
    private const string Cilegon = "Kantor Imigrasi Kelas II TPI Cilegon";
    private const string Jakarta = "Kantor Imigrasi di DKI Jakarta";
    private const string Bogor = "Kantor Imigrasi Kelas I Non TPI Bogor";

    // About 2.2 km: every town below must keep its verdict when the pin moves this far in any direction.
    private const double Margin = 0.02;

    private readonly WorkingArea _area = new(Microsoft.Extensions.Options.Options.Create(Some.Area()));

    [Fact]
    public void The_shipped_configuration_is_valid()
    {
        var problems = Problems(Some.Area());

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("Alun-alun Serang", -6.12, 106.15)]
    [InlineData("the office itself", -6.106261, 106.175647)]
    [InlineData("Pandeglang town", -6.31, 106.10)]
    [InlineData("Rangkasbitung", -6.36, 106.25)]
    [InlineData("Labuan", -6.38, 105.83)]
    [InlineData("Malingping", -6.78, 106.02)]
    [InlineData("Anyer, next to Cilegon", -6.07, 105.88)]
    [InlineData("Cikande, next to Kabupaten Tangerang", -6.20, 106.35)]
    [InlineData("Bayah on the south coast", -6.93, 106.23)]
    public void Accepts_a_point_in_the_working_area_with_a_margin(string place, double latitude, double longitude)
    {
        var verdicts = Around(latitude, longitude).Select(_area.Check).ToList();

        Assert.All(verdicts, v => Assert.True(v == AreaVerdict.Inside(), $"{place}: {v}"));
    }

    [Theory]
    [InlineData("Cilegon city centre", -6.00, 106.05, Cilegon)]
    [InlineData("Merak", -5.93, 106.00, Cilegon)]
    [InlineData("Monas, Jakarta", -6.1754, 106.8272, Jakarta)]
    [InlineData("Bogor", -6.595, 106.816, Bogor)]
    [InlineData("the Sunda Strait", -6.2, 105.5, Cilegon)]
    public void Refuses_a_point_outside_and_names_the_office_that_serves_it(string place, double latitude, double longitude, string office)
    {
        var verdicts = Around(latitude, longitude).Select(_area.Check).ToList();

        Assert.All(verdicts, v => Assert.True(v == AreaVerdict.Outside(office), $"{place}: {v}"));
    }

    [Fact]
    public void Sends_Tangerang_to_a_Tangerang_office()
    {
        var verdict = _area.Check(new GeoPoint(-6.18, 106.63));

        Assert.Equal(AreaVerdictKind.Outside, verdict.Kind);
        Assert.Contains("Tangerang", verdict.ServingOffice, StringComparison.Ordinal);
    }

    [Fact]
    public void Sends_Tangerang_Selatan_to_Tangerang_although_the_Jakarta_pin_is_nearer()
    {
        var pamulang = new GeoPoint(-6.34, 106.74);

        var verdict = _area.Check(pamulang);

        Assert.Contains("Tangerang", verdict.ServingOffice, StringComparison.Ordinal);
    }

    [Fact]
    public void Cannot_judge_a_point_that_is_not_on_earth()
    {
        var verdict = _area.Check(new GeoPoint(106.15, -6.12));

        Assert.Equal(AreaVerdict.Unknown, verdict);
    }

    [Theory]
    [InlineData("Jl. Warung Jaud No. 82, Kel. Kaligandu, Kec. Serang, Kota Serang", "Kota Serang")]
    [InlineData("Perum Bumi Ciruas Permai Blok C2, Kec. Ciruas, Kab. Serang", "Kabupaten Serang")]
    [InlineData("Desa Cikande, KABUPATEN SERANG, Banten", "Kabupaten Serang")]
    [InlineData("kp sukajadi rt 02 rw 03 kab serang", "Kabupaten Serang")]
    [InlineData("Jl. Raya Anyer Km 5, Anyer", "Kabupaten Serang")]
    [InlineData("Kp. Pasir, Serang", "Serang")]
    [InlineData("Jl. Raya Labuan, Kec. Majasari, Pandeglang", "Kabupaten Pandeglang")]
    [InlineData("Kab. Pandéglang", "Kabupaten Pandeglang")]
    [InlineData("Jl. Multatuli, Rangkasbitung", "Kabupaten Lebak")]
    [InlineData("Desa Bayah Barat, Kec. Bayah, Kabupaten Lebak", "Kabupaten Lebak")]
    [InlineData("RSUD Malingping, Lebak", "Kabupaten Lebak")]
    [InlineData("Jl. Raya Cilegon Km 3, Kec. Kramatwatu, Kab. Serang", "Kabupaten Serang")]
    [InlineData("Jl. Raya Jakarta Km 4, Pakupatan, Kota Serang", "Kota Serang")]
    public void Accepts_a_typed_address_in_the_working_area_and_names_the_region(string address, string region)
    {
        var verdict = _area.Check(address);

        Assert.Equal(AreaVerdict.Inside(region), verdict);
    }

    [Theory]
    [InlineData("Jl. Raya Merak, Kota Cilegon", "Kota Cilegon", Cilegon)]
    [InlineData("Kec. Pulomerak, Cilegon", "Kota Cilegon", Cilegon)]
    [InlineData("Jl. Daan Mogot, Kota Tangerang", "Kota Tangerang", "Kantor Imigrasi Kelas I Non TPI Tangerang")]
    [InlineData("Perumahan Citra Raya, Cikupa, Kab. Tangerang", "Kabupaten Tangerang", "Kantor Imigrasi Kelas I Non TPI Tangerang")]
    [InlineData("BSD, Serpong, Tangsel", "Kota Tangerang Selatan", "Kantor Imigrasi Kelas I Non TPI Tangerang")]
    [InlineData("Jl. Pahlawan Seribu, Kota Tangerang Selatan", "Kota Tangerang Selatan", "Kantor Imigrasi Kelas I Non TPI Tangerang")]
    [InlineData("Jl. Merdeka Barat, Jakarta Pusat", "DKI Jakarta", Jakarta)]
    [InlineData("Lebak Bulus, Cilandak", "DKI Jakarta", Jakarta)]
    [InlineData("Jl. Pajajaran, Kota Bogor", "Bogor", Bogor)]
    public void Refuses_a_typed_address_outside_and_names_the_office_that_serves_it(string address, string region, string office)
    {
        var verdict = _area.Check(address);

        Assert.Equal(AreaVerdict.Outside(office, region), verdict);
    }

    [Theory]
    [InlineData("Jl. Raya Serang, Kota Cilegon", AreaVerdictKind.Outside, "Kota Cilegon")]
    [InlineData("Jl. Raya Cilegon, Kota Serang", AreaVerdictKind.Inside, "Kota Serang")]
    [InlineData("Kp. Cilegon, Desa Sukamaju, Cikande", AreaVerdictKind.Inside, "Kabupaten Serang")]
    [InlineData("Jl. Serang, Merak", AreaVerdictKind.Outside, "Kota Cilegon")]
    [InlineData("Kota Cilegon, perbatasan Serang", AreaVerdictKind.Outside, "Kota Cilegon")]
    [InlineData("Kabupaten Serang, dekat Tangerang", AreaVerdictKind.Inside, "Kabupaten Serang")]
    [InlineData("Jl. Raya Tangerang, kota Tangsel", AreaVerdictKind.Outside, "Kota Tangerang Selatan")]
    public void Lets_an_explicit_kota_or_kabupaten_win_and_otherwise_the_name_written_last(string address, AreaVerdictKind kind, string region)
    {
        var verdict = _area.Check(address);

        Assert.Equal((kind, region), (verdict.Kind, verdict.Region));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Jl. Kaligandu No. 5, RT 03/11")]
    [InlineData("dekat masjid agung")]
    [InlineData("Penyerangan")]
    public void Does_not_guess_when_no_region_is_recognised(string address)
    {
        var verdict = _area.Check(address);

        Assert.Equal(AreaVerdict.Unknown, verdict);
    }

    [Fact]
    public void Counts_a_point_on_an_edge_or_a_vertex_as_inside()
    {
        var area = Square();

        Assert.Equal(AreaVerdictKind.Inside, area.Check(new GeoPoint(-6.0, 106.05)).Kind);
        Assert.Equal(AreaVerdictKind.Inside, area.Check(new GeoPoint(-6.1, 106.0)).Kind);
        Assert.Equal(AreaVerdictKind.Inside, area.Check(new GeoPoint(-6.0, 106.0)).Kind);
        Assert.Equal(AreaVerdictKind.Outside, area.Check(new GeoPoint(-6.0, 105.99)).Kind);
    }

    [Fact]
    public void Counts_a_ray_through_a_vertex_once()
    {
        var diamond = new List<GeoPoint> { new(-6.0, 106.1), new(-6.1, 106.2), new(-6.2, 106.1), new(-6.1, 106.0) };

        Assert.True(WorkingArea.Contains(diamond, new GeoPoint(-6.1, 106.05)));
        Assert.False(WorkingArea.Contains(diamond, new GeoPoint(-6.1, 105.9)));
        Assert.False(WorkingArea.Contains(diamond, new GeoPoint(-6.0, 106.0)));
    }

    [Fact]
    public void Gives_a_shared_border_to_the_neighbour()
    {
        var area = Square(neighbourRing: [[-6.0, 106.1], [-6.0, 106.2], [-6.2, 106.2], [-6.2, 106.1]]);

        var verdict = area.Check(new GeoPoint(-6.1, 106.1));

        Assert.Equal(AreaVerdict.Outside("Kantor Sebelah"), verdict);
    }

    [Fact]
    public void Sends_a_point_outside_every_ring_to_the_nearest_office()
    {
        var options = SquareOptions();
        options.Regions.Add(new AreaRegion { Name = "Jauh" });
        options.Neighbours.Add(new AreaNeighbour { Name = "Kantor Jauh", Latitude = -8.0, Longitude = 110.0, Regions = ["Jauh"] });
        var area = new WorkingArea(Microsoft.Extensions.Options.Options.Create(options));

        Assert.Equal("Kantor Sebelah", area.Check(new GeoPoint(-6.1, 106.5)).ServingOffice);
        Assert.Equal("Kantor Jauh", area.Check(new GeoPoint(-7.9, 109.0)).ServingOffice);
    }

    [Fact]
    public void Every_neighbour_office_lies_in_its_own_ring_and_outside_the_working_area()
    {
        var options = Some.Area();

        Assert.All(options.Neighbours, n =>
        {
            var pin = new GeoPoint(n.Latitude, n.Longitude);
            Assert.Equal(AreaVerdict.Outside(n.Name), _area.Check(pin));
            if (n.Boundary.Count > 0)
            {
                Assert.True(WorkingArea.Contains([.. n.Boundary.Select(p => new GeoPoint(p[0], p[1]))], pin), n.Name);
            }
        });
    }

    [Fact]
    public void Refuses_a_ring_of_two_points()
    {
        var options = SquareOptions();
        options.Boundary = [[-6.0, 106.0], [-6.1, 106.1]];

        Assert.Contains(Problems(options), p => p.Contains("at least 3 points", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_a_point_that_is_not_a_latitude_and_longitude()
    {
        var options = SquareOptions();
        options.Boundary[1] = [106.0, -6.0, 0];

        Assert.Contains(Problems(options), p => p.Contains("point 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_nameless_regions_and_offices()
    {
        var options = SquareOptions();
        options.Regions.Add(new AreaRegion { Name = " ", Served = true });
        options.Neighbours.Add(new AreaNeighbour { Name = "", Latitude = -6, Longitude = 106, Regions = ["Sebelah"] });

        var problems = Problems(options);

        Assert.Contains(problems, p => p.Contains("needs a name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("needs the name of its office", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_a_region_nobody_serves_and_an_office_serving_an_unknown_region()
    {
        var options = SquareOptions();
        options.Regions.Add(new AreaRegion { Name = "Kota Cilegon" });
        options.Neighbours[0].Regions.Add("Kota Atlantis");

        var problems = Problems(options);

        Assert.Contains(problems, p => p.Contains("no neighbour serves 'Kota Cilegon'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Kota Atlantis', which is not in Regions", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_an_alias_that_names_two_regions()
    {
        var options = SquareOptions();
        options.Regions[0].Aliases.Add("Kab. Sebelah");
        options.Regions[1].Aliases.Add("kabupaten sebelah");

        Assert.Contains(Problems(options), p => p.Contains("names both", StringComparison.Ordinal));
    }

    private static IEnumerable<GeoPoint> Around(double latitude, double longitude) =>
        from dLat in new[] { -Margin, 0, Margin }
        from dLon in new[] { -Margin, 0, Margin }
        select new GeoPoint(latitude + dLat, longitude + dLon);

    private static List<string> Problems(AreaOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }

    private static WorkingArea Square(List<double[]>? neighbourRing = null)
    {
        var options = SquareOptions();
        options.Neighbours[0].Boundary = neighbourRing ?? [];
        return new WorkingArea(Microsoft.Extensions.Options.Options.Create(options));
    }

    private static AreaOptions SquareOptions() => new()
    {
        Boundary = [[-6.0, 106.0], [-6.0, 106.1], [-6.2, 106.1], [-6.2, 106.0]],
        Regions =
        [
            new AreaRegion { Name = "Kota Contoh", Served = true },
            new AreaRegion { Name = "Sebelah", Served = false },
        ],
        Neighbours = [new AreaNeighbour { Name = "Kantor Sebelah", Latitude = -6.1, Longitude = 106.3, Regions = ["Sebelah"] }],
    };
}
