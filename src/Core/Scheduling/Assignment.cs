using Timpora.Core.Messaging;

namespace Timpora.Core.Scheduling;

/// <summary>One visit to share out: where it is, how much work it is, and whether an officer already has it.</summary>
public sealed record Stop(GeoPoint? Point, int Weight, long? FixedOfficerId);

/// <summary>Shares one day's visits among the officers on duty.</summary>
public static class Assignment
{
    /// <summary>
    /// Which stops (indexes) each officer takes. Stops fixed to an officer on the list stay with that officer. The
    /// others are swept around the office by bearing and cut into one contiguous run per officer, so each officer
    /// drives one direction, with the cuts chosen to make total weights (fixed ones included) as even as possible.
    /// Stops without a point go last, each to the least-loaded officer. Every officer appears, with no stops if need be.
    /// </summary>
    public static IReadOnlyDictionary<long, IReadOnlyList<int>> Balance(GeoPoint office, IReadOnlyList<Stop> stops, IReadOnlyList<long> officerIds)
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(stops);
        ArgumentNullException.ThrowIfNull(officerIds);
        var officers = officerIds.Distinct().ToArray();
        var place = officers.Select((id, at) => (id, at)).ToDictionary(o => o.id, o => o.at);
        var taken = officers.Select(_ => new List<int>()).ToArray();
        var load = new long[officers.Length];
        var fixedBearings = officers.Select(_ => new List<double>()).ToArray();
        var swept = new List<(int Index, double Bearing)>();
        var unplaced = new List<int>();
        for (var i = 0; i < stops.Count; i++)
        {
            var stop = stops[i] ?? throw new ArgumentException($"stop {i} is null.", nameof(stops));
            ArgumentOutOfRangeException.ThrowIfNegative(stop.Weight, nameof(stops));
            if (stop.FixedOfficerId is { } id && place.TryGetValue(id, out var officer))
            {
                taken[officer].Add(i);
                load[officer] += stop.Weight;
                if (stop.Point is not null)
                {
                    fixedBearings[officer].Add(Bearing(office, stop.Point));
                }
            }
            else if (stop.Point is null)
            {
                unplaced.Add(i);
            }
            else
            {
                swept.Add((i, Bearing(office, stop.Point)));
            }
        }

        if (officers.Length == 0)
        {
            return new Dictionary<long, IReadOnlyList<int>>();
        }

        var sweep = FromWidestGap(swept);
        var order = RunOrder(sweep, fixedBearings);
        var cuts = Cut([.. sweep.Select(s => (long)stops[s.Index].Weight)], [.. order.Select(o => load[o])]);
        for (var run = 0; run < order.Length; run++)
        {
            var officer = order[run];
            foreach (var (index, _) in sweep.Take(cuts[run + 1]).Skip(cuts[run]))
            {
                taken[officer].Add(index);
                load[officer] += stops[index].Weight;
            }
        }

        // Heaviest first, each to whoever has least: the spread never grows beyond the heaviest stop.
        foreach (var index in unplaced.OrderByDescending(i => stops[i].Weight).ThenBy(i => i))
        {
            var officer = Array.IndexOf(load, load.Min());
            taken[officer].Add(index);
            load[officer] += stops[index].Weight;
        }

        return officers
            .Select((id, at) => (id, stops: (IReadOnlyList<int>)[.. taken[at].Order()]))
            .ToDictionary(o => o.id, o => o.stops);
    }

    /// <summary>Initial compass bearing from <paramref name="from"/> to <paramref name="to"/>, in degrees [0, 360).</summary>
    private static double Bearing(GeoPoint from, GeoPoint to)
    {
        var lat1 = Radians(from.Latitude);
        var lat2 = Radians(to.Latitude);
        var dLon = Radians(to.Longitude - from.Longitude);
        var y = Math.Sin(dLon) * Math.Cos(lat2);
        var x = (Math.Cos(lat1) * Math.Sin(lat2)) - (Math.Sin(lat1) * Math.Cos(lat2) * Math.Cos(dLon));
        var degrees = Math.Atan2(y, x) * 180 / Math.PI;
        return degrees < 0 ? degrees + 360 : degrees;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    /// <summary>
    /// The stops in bearing order, starting after the widest empty sector, so that no officer's run wraps across
    /// a direction where there is nothing to visit.
    /// </summary>
    private static List<(int Index, double Bearing)> FromWidestGap(List<(int Index, double Bearing)> swept)
    {
        var sorted = swept.OrderBy(s => s.Bearing).ThenBy(s => s.Index).ToList();
        if (sorted.Count <= 1)
        {
            return sorted;
        }

        var start = 0;
        var widest = sorted[0].Bearing + 360 - sorted[^1].Bearing;
        for (var i = 1; i < sorted.Count; i++)
        {
            var gap = sorted[i].Bearing - sorted[i - 1].Bearing;
            if (gap > widest)
            {
                widest = gap;
                start = i;
            }
        }

        return [.. sorted.Skip(start), .. sorted.Take(start)];
    }

    /// <summary>
    /// Which officer takes which run: an officer with fixed visits takes the run next to them; the others are spread
    /// evenly along the sweep in the order they were listed.
    /// </summary>
    private static int[] RunOrder(List<(int Index, double Bearing)> sweep, List<double>[] fixedBearings)
    {
        var free = Enumerable.Range(0, fixedBearings.Length).Where(o => fixedBearings[o].Count == 0 || sweep.Count == 0).ToList();
        return [.. Enumerable.Range(0, fixedBearings.Length)
            .OrderBy(o => free.Contains(o)
                ? (free.IndexOf(o) + 0.5) / free.Count
                : fixedBearings[o].Average(b => Nearest(sweep, b) + 0.5) / sweep.Count)
            .ThenBy(o => o)];
    }

    /// <summary>Position in the sweep of the stop closest in bearing to <paramref name="bearing"/>.</summary>
    private static int Nearest(List<(int Index, double Bearing)> sweep, double bearing)
    {
        var nearest = 0;
        for (var i = 1; i < sweep.Count; i++)
        {
            if (Apart(sweep[i].Bearing, bearing) < Apart(sweep[nearest].Bearing, bearing))
            {
                nearest = i;
            }
        }

        return nearest;
    }

    private static double Apart(double a, double b)
    {
        var difference = Math.Abs(a - b) % 360;
        return Math.Min(difference, 360 - difference);
    }

    /// <summary>
    /// Cut points (cuts[r]..cuts[r + 1] is run r) that minimise the sum of squared loads, fixed load included: the
    /// most even split a contiguous cut allows. Dynamic programming; a day has few stops and few officers.
    /// </summary>
    private static int[] Cut(long[] weights, long[] fixedLoad)
    {
        var runs = fixedLoad.Length;
        var prefix = new long[weights.Length + 1];
        for (var i = 0; i < weights.Length; i++)
        {
            prefix[i + 1] = prefix[i] + weights[i];
        }

        var cost = new double[runs + 1, weights.Length + 1];
        var from = new int[runs + 1, weights.Length + 1];
        for (var end = 1; end <= weights.Length; end++)
        {
            cost[0, end] = double.PositiveInfinity;
        }

        for (var run = 1; run <= runs; run++)
        {
            for (var end = 0; end <= weights.Length; end++)
            {
                cost[run, end] = double.PositiveInfinity;
                for (var begin = 0; begin <= end; begin++)
                {
                    double runLoad = fixedLoad[run - 1] + prefix[end] - prefix[begin];
                    var total = cost[run - 1, begin] + (runLoad * runLoad);
                    if (total < cost[run, end])
                    {
                        cost[run, end] = total;
                        from[run, end] = begin;
                    }
                }
            }
        }

        var cuts = new int[runs + 1];
        cuts[runs] = weights.Length;
        for (var run = runs; run > 0; run--)
        {
            cuts[run - 1] = from[run, cuts[run]];
        }

        return cuts;
    }
}
