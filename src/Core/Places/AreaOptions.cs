using System.ComponentModel.DataAnnotations;

namespace Timpora.Core.Places;

/// <summary>
/// The <c>Area</c> section: where the office's officers go, and which office serves the places around it.
/// Points are <c>[latitude, longitude]</c> pairs in WGS84, as a map shows them.
/// </summary>
/// <remarks>
/// Every polygon here is APPROXIMATE: drawn by hand from town positions and the published extents of the regencies
/// (a few kilometres off along the borders). Replace them with the official boundaries (BIG's administrative
/// boundary data or Dukcapil's) before anyone relies on a verdict near a border. The polygons may include sea:
/// nobody books a visit at sea, and a generous coast keeps coastal towns away from the edge.
/// </remarks>
public sealed class AreaOptions : IValidatableObject
{
    public const string SectionName = "Area";

    /// <summary>
    /// The whole working area (Kota Serang, Kabupaten Serang, Pandeglang, Lebak) as one ring. It may run over a
    /// neighbour's land, as it does over Kota Cilegon: a neighbour's own <see cref="AreaNeighbour.Boundary"/> is
    /// cut out of it.
    /// </summary>
    public List<double[]> Boundary { get; set; } = [];

    /// <summary>The names people write, served here or elsewhere.</summary>
    public List<AreaRegion> Regions { get; set; } = [];

    /// <summary>The offices that serve the places around the working area.</summary>
    public List<AreaNeighbour> Neighbours { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in RingProblems(Boundary, "the working area"))
        {
            yield return new ValidationResult(problem, [nameof(Boundary)]);
        }

        foreach (var problem in RegionProblems())
        {
            yield return new ValidationResult(problem, [nameof(Regions)]);
        }

        foreach (var problem in NeighbourProblems())
        {
            yield return new ValidationResult(problem, [nameof(Neighbours)]);
        }
    }

    internal static bool IsPoint(double[]? pair) =>
        pair is { Length: 2 } && double.IsFinite(pair[0]) && double.IsFinite(pair[1])
        && pair[0] is >= -90 and <= 90 && pair[1] is >= -180 and <= 180;

    private static IEnumerable<string> RingProblems(List<double[]>? ring, string owner)
    {
        if (ring is null || ring.Count < 3)
        {
            yield return $"the boundary of {owner} needs at least 3 points.";
            yield break;
        }

        for (var i = 0; i < ring.Count; i++)
        {
            if (!IsPoint(ring[i]))
            {
                yield return $"point {i} of the boundary of {owner} must be [latitude, longitude] within -90..90 and -180..180.";
            }
        }

        if (ring.Where(IsPoint).Select(p => (p[0], p[1])).Distinct().Count() < 3)
        {
            yield return $"the boundary of {owner} needs at least 3 different points.";
        }
    }

    private IEnumerable<string> RegionProblems()
    {
        if (!Regions.Any(r => r?.Served == true))
        {
            yield return "at least one region must be served.";
        }

        // A name or alias that leads to two regions would make a typed address mean whatever the list order says.
        var names = new HashSet<string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Regions.Count; i++)
        {
            var region = Regions[i];
            if (region is null || string.IsNullOrWhiteSpace(region.Name))
            {
                yield return $"region {i} needs a name.";
                continue;
            }

            if (!names.Add(region.Name))
            {
                yield return $"region '{region.Name}' is listed twice.";
                continue;
            }

            foreach (var term in region.Aliases.Prepend(region.Name))
            {
                var key = string.Join(' ', WorkingArea.Words(term ?? ""));
                if (key.Length == 0)
                {
                    yield return $"region '{region.Name}' has an empty alias.";
                }
                else if (!owners.TryAdd(key, region.Name) && owners[key] != region.Name)
                {
                    yield return $"'{term}' names both '{owners[key]}' and '{region.Name}'.";
                }
            }
        }
    }

    private IEnumerable<string> NeighbourProblems()
    {
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Neighbours.Count; i++)
        {
            var neighbour = Neighbours[i];
            if (neighbour is null || string.IsNullOrWhiteSpace(neighbour.Name))
            {
                yield return $"neighbour {i} needs the name of its office.";
                continue;
            }

            if (!IsPoint([neighbour.Latitude, neighbour.Longitude]))
            {
                yield return $"the office '{neighbour.Name}' needs a latitude within -90..90 and a longitude within -180..180.";
            }

            if (neighbour.Boundary.Count > 0)
            {
                foreach (var problem in RingProblems(neighbour.Boundary, $"'{neighbour.Name}'"))
                {
                    yield return problem;
                }
            }

            if (neighbour.Regions.Count == 0)
            {
                yield return $"the office '{neighbour.Name}' needs at least one region.";
            }

            foreach (var name in neighbour.Regions)
            {
                var region = Regions.FirstOrDefault(r => r?.Name == name);
                if (region is null)
                {
                    yield return $"the office '{neighbour.Name}' serves '{name}', which is not in Regions.";
                }
                else if (region.Served)
                {
                    yield return $"the office '{neighbour.Name}' serves '{name}', which this office serves.";
                }
                else if (!claims.TryAdd(name, neighbour.Name))
                {
                    yield return $"'{name}' is served by both '{claims[name]}' and '{neighbour.Name}'.";
                }
            }
        }

        foreach (var region in Regions.Where(r => r is { Served: false } && !claims.ContainsKey(r.Name)))
        {
            yield return $"no neighbour serves '{region.Name}': name the office that does, so a refusal can say where to go.";
        }
    }
}
