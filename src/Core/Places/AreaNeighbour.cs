namespace Timpora.Core.Places;

/// <summary>Another immigration office, named in a refusal so the person knows where to go instead.</summary>
public sealed class AreaNeighbour
{
    /// <summary>The office's full name, as the refusal shows it.</summary>
    public string Name { get; set; } = "";

    /// <summary>Where the office is (for a group of offices, a central point): a point outside every polygon goes to the nearest.</summary>
    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>Names from <see cref="AreaOptions.Regions"/> this office serves.</summary>
    public List<string> Regions { get; set; } = [];

    /// <summary>Optional rough ring of what the office serves; a point inside it is this office's, even within the working area's ring.</summary>
    public List<double[]> Boundary { get; set; } = [];
}
