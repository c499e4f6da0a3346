using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Timpora.Core.Messaging;

namespace Timpora.Core.Places;

/// <summary>
/// Decides whether a shared location or a typed address lies in the office's working area and, when it does not,
/// which office serves it. The shapes and names come from the <c>Area</c> section (see <see cref="AreaOptions"/>).
/// </summary>
public sealed class WorkingArea(IOptions<AreaOptions> options)
{
    private static readonly HashSet<string> Markers = new(StringComparer.Ordinal) { "kota", "kabupaten" };

    // People abbreviate the administrative word; reading them all as one lets a single alias cover every spelling.
    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["kab"] = "kabupaten",
        ["kodya"] = "kota",
        ["kotamadya"] = "kota",
    };

    // A point on an edge counts as on the polygon: about a centimetre, far below how good the polygons are.
    private const double EdgeTolerance = 1e-7;

    private readonly Map _map = Map.Of((options ?? throw new ArgumentNullException(nameof(options))).Value);

    /// <summary>
    /// Inside when the point is in the working area's ring and in no neighbour's ring. Otherwise outside, served by
    /// the neighbour whose ring holds the point or, when none does (Jakarta, the sea), by the nearest neighbour office.
    /// A point exactly on an edge belongs to that polygon, so on a shared border the neighbour wins.
    /// </summary>
    public AreaVerdict Check(GeoPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (!point.IsValid)
        {
            return AreaVerdict.Unknown;
        }

        var claimant = _map.Offices.FirstOrDefault(o => Contains(o.Ring, point));
        if (claimant is not null)
        {
            return AreaVerdict.Outside(claimant.Name);
        }

        if (Contains(_map.Boundary, point))
        {
            return AreaVerdict.Inside();
        }

        return AreaVerdict.Outside(_map.Offices.MinBy(o => o.Pin.KilometresTo(point))?.Name);
    }

    /// <summary>
    /// Reads the kabupaten/kota out of a typed address. When it names several, an explicit one ("Kota Cilegon",
    /// "Kab. Serang", "kota Tangsel") beats a bare one ("Serang", which may be a street name), and among equals the one
    /// written last wins, because Indonesian addresses end with the kecamatan and then the kabupaten/kota:
    /// "Jl. Raya Serang, Kota Cilegon" is in Cilegon. Unknown when nothing is recognised.
    /// </summary>
    public AreaVerdict Check(string typedAddress)
    {
        ArgumentNullException.ThrowIfNull(typedAddress);
        var mentions = Mentions(Words(typedAddress));
        if (mentions.Count == 0)
        {
            return AreaVerdict.Unknown;
        }

        var pool = mentions.Any(m => m.Explicit) ? mentions.Where(m => m.Explicit) : mentions;
        var place = pool.MaxBy(m => m.Start)!.Place;
        return place.Served ? AreaVerdict.Inside(place.Name) : AreaVerdict.Outside(place.Office, place.Name);
    }

    /// <summary>Lower-case words without accents or punctuation, with "Kab."/"Kab" read as "kabupaten".</summary>
    internal static string[] Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                Flush();
            }
        }

        Flush();
        return [.. words];

        void Flush()
        {
            if (word.Length > 0)
            {
                var w = word.ToString();
                words.Add(Spellings.GetValueOrDefault(w, w));
                word.Clear();
            }
        }
    }

    /// <summary>Ray casting on latitude/longitude, which is exact enough at this scale; points on an edge or a vertex are inside.</summary>
    internal static bool Contains(IReadOnlyList<GeoPoint> ring, GeoPoint point)
    {
        if (ring.Count < 3)
        {
            return false;
        }

        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            GeoPoint a = ring[j], b = ring[i];
            if (OnSegment(a, b, point))
            {
                return true;
            }

            // Half-open on latitude, so a ray through a vertex counts the two edges meeting there once between them.
            if ((a.Latitude > point.Latitude) != (b.Latitude > point.Latitude))
            {
                var crossing = a.Longitude + ((point.Latitude - a.Latitude) * (b.Longitude - a.Longitude) / (b.Latitude - a.Latitude));
                if (point.Longitude < crossing)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    private static bool OnSegment(GeoPoint a, GeoPoint b, GeoPoint p)
    {
        double dx = b.Longitude - a.Longitude, dy = b.Latitude - a.Latitude;
        double px = p.Longitude - a.Longitude, py = p.Latitude - a.Latitude;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (length < EdgeTolerance)
        {
            return Math.Sqrt((px * px) + (py * py)) <= EdgeTolerance;
        }

        var along = ((px * dx) + (py * dy)) / length;
        var across = Math.Abs((dx * py) - (dy * px)) / length;
        return across <= EdgeTolerance && along >= -EdgeTolerance && along <= length + EdgeTolerance;
    }

    private List<Mention> Mentions(string[] words)
    {
        var mentions = new List<Mention>();
        var taken = new bool[words.Length];
        foreach (var term in _map.Terms)
        {
            var size = term.Words.Length;
            for (var start = 0; start + size <= words.Length; start++)
            {
                if (taken.AsSpan(start, size).Contains(true) || !words.AsSpan(start, size).SequenceEqual(term.Words))
                {
                    continue;
                }

                taken.AsSpan(start, size).Fill(true);
                var isExplicit = term.HasMarker || (start > 0 && Markers.Contains(words[start - 1]));
                mentions.Add(new Mention(start, term.Place, isExplicit));
            }
        }

        return mentions;
    }

    private static GeoPoint[] Ring(List<double[]> points)
    {
        var ring = points.Where(AreaOptions.IsPoint).Select(p => new GeoPoint(p[0], p[1])).ToList();
        if (ring.Count > 1 && ring[0] == ring[^1])
        {
            ring.RemoveAt(ring.Count - 1);
        }

        return [.. ring];
    }

    private sealed record Place(string Name, bool Served, string? Office);

    private sealed record Term(string[] Words, Place Place, bool HasMarker);

    private sealed record Office(string Name, GeoPoint Pin, GeoPoint[] Ring);

    private sealed record Mention(int Start, Place Place, bool Explicit);

    private sealed record Map(GeoPoint[] Boundary, Office[] Offices, Term[] Terms)
    {
        public static Map Of(AreaOptions area)
        {
            var offices = area.Neighbours
                .Select(n => new Office(n.Name, new GeoPoint(n.Latitude, n.Longitude), Ring(n.Boundary)))
                .ToArray();
            var servedBy = area.Neighbours
                .SelectMany(n => n.Regions.Select(r => (Region: r, Office: n.Name)))
                .GroupBy(x => x.Region, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Office, StringComparer.Ordinal);

            // Explicit terms first, then longer before shorter: "Kota Cilegon" must claim "kota" before "Serang Kota"
            // can, and "Kota Tangerang Selatan" must not be read as "Kota Tangerang".
            var terms = area.Regions
                .SelectMany(r =>
                {
                    var place = new Place(r.Name, r.Served, servedBy.GetValueOrDefault(r.Name));
                    return r.Aliases.Prepend(r.Name).Select(t => Words(t)).Where(w => w.Length > 0).Select(w => new Term(w, place, w.Any(Markers.Contains)));
                })
                .OrderByDescending(t => t.HasMarker)
                .ThenByDescending(t => t.Words.Length)
                .ToArray();

            return new Map(Ring(area.Boundary), offices, terms);
        }
    }
}
