using Timpora.Core.Messaging;
using Timpora.Core.Scheduling;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Scheduling;

public sealed class RouteTests
{
    /// <summary>A millimetre: the route may keep its own order when the given one is shorter by mere rounding.</summary>
    private const double Rounding = 1e-6;

    private static readonly GeoPoint Office = new(Some.OfficeLatitude, Some.OfficeLongitude);

    [Fact]
    public void Has_nothing_to_order_without_stops()
    {
        Assert.Empty(Route.Order(Office, []));
        Assert.Equal(0, Route.Length(Office, []));
    }

    [Fact]
    public void Goes_to_a_single_stop_and_back()
    {
        var stop = new GeoPoint(-6.12, 106.15);

        Assert.Equal([0], Route.Order(Office, [stop]));
        Assert.Equal(2 * Office.KilometresTo(stop), Route.Length(Office, [stop]), 9);
    }

    [Fact]
    public void Visits_the_nearer_of_two_stops_first()
    {
        GeoPoint[] stops = [new(-6.20, 106.30), new(-6.11, 106.18)];

        Assert.Equal([1, 0], Route.Order(Office, stops));
    }

    [Fact]
    public void Orders_stops_on_one_line_out_and_back()
    {
        GeoPoint[] stops = [new(-6.15, Some.OfficeLongitude), new(-6.35, Some.OfficeLongitude), new(-6.25, Some.OfficeLongitude), new(-6.20, Some.OfficeLongitude)];

        var order = Route.Order(Office, stops);

        Assert.Equal([0, 3, 2, 1], order);
        Assert.Equal(2 * Office.KilometresTo(stops[1]), Route.Length(Office, [.. order.Select(i => stops[i])]), 6);
    }

    [Fact]
    public void Visits_every_stop_once_when_several_share_a_place()
    {
        var hospital = new GeoPoint(-6.12, 106.15);
        GeoPoint[] stops = [hospital, new(-6.30, 106.10), hospital, Office, hospital];

        var order = Route.Order(Office, stops);

        Assert.Equal([0, 1, 2, 3, 4], order.Order());
        Assert.Equal(Route.Length(Office, [hospital, new(-6.30, 106.10)]), Route.Length(Office, [.. order.Select(i => stops[i])]), 6);
    }

    [Fact]
    public void Untangles_the_crossing_a_greedy_route_makes()
    {
        // Given in nearest-neighbour order, whose last leg crosses the third: only 2-opt straightens it.
        GeoPoint[] stops = [new(-6.086, 106.186), new(-6.076, 106.206), new(-6.126, 106.196), new(-6.056, 106.146)];

        var order = Route.Order(Office, stops);

        var route = order.Select(i => stops[i]).ToList();
        Assert.False(Crosses(route));
        Assert.Equal(Shortest(stops), Route.Length(Office, route), 9);
        Assert.True(Route.Length(Office, route) < Route.Length(Office, stops) - 3);
    }

    [Fact]
    public void Keeps_the_order_given_when_the_greedy_route_would_be_longer()
    {
        // The shortest round trip, on which nearest neighbour plus 2-opt settles about 3 km longer.
        GeoPoint[] stops = [new(-6.026, 106.116), new(-6.136, 106.096), new(-6.186, 106.106), new(-6.156, 106.206), new(-6.186, 106.246), new(-6.086, 106.266)];

        var order = Route.Order(Office, stops);

        Assert.True(Route.Length(Office, [.. order.Select(i => stops[i])]) <= Route.Length(Office, stops) + Rounding);
    }

    [Fact]
    public void Is_never_longer_than_the_order_given_never_crossed_and_always_the_same()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var stops = Enumerable.Range(0, random.Next(0, 16)).Select(_ => AroundSerang(random)).ToArray();

            var order = Route.Order(Office, stops);

            var route = order.Select(i => stops[i]).ToList();
            Assert.Equal(Enumerable.Range(0, stops.Length), order.Order());
            Assert.True(Route.Length(Office, route) <= Route.Length(Office, stops) + Rounding, $"seed {seed}");
            Assert.False(Crosses(route), $"seed {seed}");
            Assert.Equal(order, Route.Order(Office, stops));
        }
    }

    [Fact]
    public void Finds_the_shortest_round_trip_for_a_few_stops_in_most_cases()
    {
        var shortest = 0;
        for (var seed = 0; seed < 100; seed++)
        {
            var random = new Random(1000 + seed);
            var stops = Enumerable.Range(0, random.Next(2, 7)).Select(_ => AroundSerang(random)).ToArray();

            var length = Route.Length(Office, [.. Route.Order(Office, stops).Select(i => stops[i])]);

            shortest += length <= Shortest(stops) + Rounding ? 1 : 0;
        }

        Assert.True(shortest >= 95, $"{shortest} of 100");
    }

    /// <summary>Serang, Pandeglang and Lebak: the office's working area.</summary>
    private static GeoPoint AroundSerang(Random random) =>
        new(-6.0 - (random.NextDouble() * 0.7), 105.8 + (random.NextDouble() * 0.6));

    private static double Shortest(GeoPoint[] stops) =>
        Permutations([.. Enumerable.Range(0, stops.Length)]).Min(p => Route.Length(Office, [.. p.Select(i => stops[i])]));

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        foreach (var first in items)
        {
            foreach (var rest in Permutations([.. items.Where(i => i != first)]))
            {
                yield return [first, .. rest];
            }
        }
    }

    /// <summary>Whether two legs of the round trip cross, on a flat map (fine over one regency).</summary>
    private static bool Crosses(IReadOnlyList<GeoPoint> route)
    {
        var points = route.Prepend(Office).Append(Office).Select(p => (X: p.Longitude * Math.Cos(p.Latitude * Math.PI / 180), Y: p.Latitude)).ToList();
        var legs = points.Count - 1;
        for (var a = 0; a < legs; a++)
        {
            for (var b = a + 2; b < legs; b++)
            {
                if (a == 0 && b == legs - 1)
                {
                    continue;
                }

                if (Side(points[b], points[b + 1], points[a]) * Side(points[b], points[b + 1], points[a + 1]) < 0
                    && Side(points[a], points[a + 1], points[b]) * Side(points[a], points[a + 1], points[b + 1]) < 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static double Side((double X, double Y) from, (double X, double Y) to, (double X, double Y) point) =>
        ((to.X - from.X) * (point.Y - from.Y)) - ((to.Y - from.Y) * (point.X - from.X));
}
