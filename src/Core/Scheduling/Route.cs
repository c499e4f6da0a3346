using Timpora.Core.Messaging;

namespace Timpora.Core.Scheduling;

/// <summary>The order in which one officer drives to a day's visits, leaving from the office and coming back.</summary>
public static class Route
{
    /// <summary>A swap must gain more than rounding noise (km); otherwise two equal tours could swap back and forth.</summary>
    private const double Gain = 1e-9;

    /// <summary>Every pass makes a real gain, so this only guards against the unforeseen; a day has a handful of stops.</summary>
    private const int MaxPasses = 1_000;

    /// <summary>
    /// Indexes of <paramref name="stops"/> in visiting order: nearest neighbour, then 2-opt until no swap of two legs
    /// shortens the trip. The order given is improved the same way and wins when shorter, so the answer is never
    /// longer than the order the visits arrived in. Ties go to the lower index, so equal inputs give equal routes.
    /// </summary>
    public static IReadOnlyList<int> Order(GeoPoint start, IReadOnlyList<GeoPoint> stops)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(stops);
        if (stops.Count <= 1)
        {
            return [.. Enumerable.Range(0, stops.Count)];
        }

        var distance = Distances(start, stops);
        var nearest = Improve(NearestNeighbour(distance), distance);
        var asGiven = Improve([.. Enumerable.Range(1, stops.Count)], distance);
        // Equal tours summed in another order can differ in the last bit; only a real gain displaces the greedy tour.
        var best = Length(asGiven, distance) < Length(nearest, distance) - Gain ? asGiven : nearest;
        return [.. best.Select(node => node - 1)];
    }

    /// <summary>Kilometres (great circle) from <paramref name="start"/> through the stops in this order and back.</summary>
    public static double Length(GeoPoint start, IReadOnlyList<GeoPoint> stopsInOrder)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(stopsInOrder);
        var total = 0.0;
        var from = start;
        foreach (var stop in stopsInOrder)
        {
            total += from.KilometresTo(stop);
            from = stop;
        }

        return total + from.KilometresTo(start);
    }

    /// <summary>Node 0 is the start, node i + 1 is stop i.</summary>
    private static double[,] Distances(GeoPoint start, IReadOnlyList<GeoPoint> stops)
    {
        var points = stops.Prepend(start).ToArray();
        var distance = new double[points.Length, points.Length];
        for (var a = 0; a < points.Length; a++)
        {
            for (var b = a + 1; b < points.Length; b++)
            {
                // Filled both ways from one computation: 2-opt reverses legs and relies on a -> b equalling b -> a.
                distance[a, b] = distance[b, a] = points[a].KilometresTo(points[b]);
            }
        }

        return distance;
    }

    private static int[] NearestNeighbour(double[,] distance)
    {
        var count = distance.GetLength(0) - 1;
        var visited = new bool[count + 1];
        var tour = new int[count];
        var at = 0;
        for (var step = 0; step < count; step++)
        {
            var next = -1;
            for (var node = 1; node <= count; node++)
            {
                if (!visited[node] && (next < 0 || distance[at, node] < distance[at, next]))
                {
                    next = node;
                }
            }

            visited[next] = true;
            tour[step] = at = next;
        }

        return tour;
    }

    /// <summary>2-opt: replace legs (a, b) and (c, d) by (a, c) and (b, d), reversing the stretch b..c, while that helps.</summary>
    private static int[] Improve(int[] tour, double[,] distance)
    {
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var improved = false;
            for (var i = 0; i < tour.Length - 1; i++)
            {
                for (var j = i + 1; j < tour.Length; j++)
                {
                    var before = i == 0 ? 0 : tour[i - 1];
                    var after = j == tour.Length - 1 ? 0 : tour[j + 1];
                    var gain = distance[before, tour[i]] + distance[tour[j], after] - distance[before, tour[j]] - distance[tour[i], after];
                    if (gain > Gain)
                    {
                        Array.Reverse(tour, i, j - i + 1);
                        improved = true;
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return tour;
    }

    private static double Length(int[] tour, double[,] distance)
    {
        var total = 0.0;
        var at = 0;
        foreach (var node in tour)
        {
            total += distance[at, node];
            at = node;
        }

        return total + distance[at, 0];
    }
}
