using Timpora.Core.Messaging;
using Timpora.Core.Scheduling;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Scheduling;

public sealed class AssignmentTests
{
    private static readonly GeoPoint Office = new(Some.OfficeLatitude, Some.OfficeLongitude);

    [Fact]
    public void Balances_weights_within_the_heaviest_visit()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var officers = Enumerable.Range(1, random.Next(1, 5)).Select(i => (long)i * 100).ToList();
            var stops = Enumerable.Range(0, random.Next(0, 20))
                .Select(_ => new Stop(random.Next(5) == 0 ? null : AroundSerang(random), random.Next(1, 6), null))
                .ToList();

            var shares = Assignment.Balance(Office, stops, officers);

            Assert.Equal(officers, shares.Keys);
            Assert.Equal(Enumerable.Range(0, stops.Count), shares.Values.SelectMany(s => s).Order());
            if (stops.Count > 0)
            {
                var loads = shares.Values.Select(s => s.Sum(i => stops[i].Weight)).ToList();
                Assert.True(loads.Max() - loads.Min() <= stops.Max(s => s.Weight), $"seed {seed}: loads {string.Join(", ", loads)}");
            }

            Assert.Equal(shares, Assignment.Balance(Office, stops, officers));
        }
    }

    [Fact]
    public void Keeps_each_officer_to_one_part_of_the_area()
    {
        List<Stop> stops =
        [
            new(North(0.10, 0.01), 1, null), new(South(0.12, 0.00), 1, null), new(North(0.08, -0.02), 1, null),
            new(South(0.10, 0.03), 1, null), new(North(0.12, 0.02), 1, null), new(South(0.09, -0.01), 1, null),
        ];

        var shares = Assignment.Balance(Office, stops, [7, 8]);

        Assert.Equal(
            [[0, 2, 4], [1, 3, 5]],
            shares.Values.Select(s => s.ToArray()).OrderBy(s => s[0]));
    }

    [Fact]
    public void Leaves_a_fixed_visit_with_its_officer_and_counts_its_weight()
    {
        List<Stop> stops =
        [
            new(North(0.10, 0.00), 1, null), new(North(0.11, 0.01), 1, null), new(South(0.10, 0.00), 4, 8),
            new(North(0.12, 0.02), 1, null), new(North(0.13, 0.00), 1, null),
        ];

        var shares = Assignment.Balance(Office, stops, [7, 8]);

        Assert.Equal([2], shares[8]);
        Assert.Equal([0, 1, 3, 4], shares[7]);
    }

    [Fact]
    public void Gives_an_officer_with_a_fixed_visit_the_stops_near_it()
    {
        List<Stop> stops = [new(North(0.10, 0.00), 1, 7), new(North(0.10, 0.03), 1, null), new(South(0.10, 0.00), 1, null), new(South(0.10, -0.03), 1, null)];

        var shares = Assignment.Balance(Office, stops, [8, 7]);

        Assert.Equal([0, 1], shares[7]);
        Assert.Equal([2, 3], shares[8]);
    }

    [Fact]
    public void Shares_out_a_visit_fixed_to_an_officer_who_is_not_on_duty()
    {
        List<Stop> stops = [new(North(0.10, 0.00), 1, 99), new(South(0.10, 0.00), 1, null)];

        var shares = Assignment.Balance(Office, stops, [7, 8]);

        Assert.Equal([0, 1], shares.Values.SelectMany(s => s).Order());
        Assert.Equal([1, 1], shares.Values.Select(s => s.Count));
    }

    [Fact]
    public void Gives_visits_without_a_place_to_whoever_has_least()
    {
        List<Stop> stops = [new(North(0.10, 0.00), 3, null), new(null, 1, null), new(null, 2, null)];

        var shares = Assignment.Balance(Office, stops, [7, 8]);

        Assert.Equal([[0], [1, 2]], shares.Values.OrderBy(s => s[0]));
    }

    [Fact]
    public void Shares_visits_without_a_place_heaviest_first()
    {
        List<Stop> stops = [new(null, 1, null), new(null, 1, null), new(null, 2, null)];

        var shares = Assignment.Balance(Office, stops, [7, 8]);

        Assert.Equal([2, 2], shares.Values.Select(s => s.Sum(i => stops[i].Weight)));
    }

    [Fact]
    public void Lists_every_officer_even_with_nothing_to_do()
    {
        var shares = Assignment.Balance(Office, [new(North(0.10, 0.00), 1, null)], [7, 8, 9]);

        Assert.Equal([7, 8, 9], shares.Keys);
        Assert.Equal([1, 0, 0], shares.Values.Select(s => s.Count).OrderDescending());
    }

    [Fact]
    public void Assigns_nothing_without_officers()
    {
        Assert.Empty(Assignment.Balance(Office, [new(North(0.10, 0.00), 1, null)], []));
    }

    [Fact]
    public void Refuses_a_negative_weight()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Assignment.Balance(Office, [new(null, -1, null)], [7]));
    }

    private static GeoPoint North(double degrees, double east) => new(Some.OfficeLatitude + degrees, Some.OfficeLongitude + east);

    private static GeoPoint South(double degrees, double east) => new(Some.OfficeLatitude - degrees, Some.OfficeLongitude + east);

    private static GeoPoint AroundSerang(Random random) =>
        new(-6.0 - (random.NextDouble() * 0.7), 105.8 + (random.NextDouble() * 0.6));
}
