namespace Timpora.Core.Places;

/// <summary>
/// A place name people write in an address: usually a kabupaten or kota, but also a name that stands for more than
/// one (a bare "Serang", "Bogor") when the office that serves them is the same.
/// </summary>
public sealed class AreaRegion
{
    /// <summary>The name a verdict reports, e.g. "Kabupaten Lebak".</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// Other ways to write it: "kab lebak", the capital ("Rangkasbitung"), kecamatan and towns whose names are not
    /// also used elsewhere. Matched as whole words, case and punctuation ignored; "Kab."/"Kab" read as "Kabupaten".
    /// </summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>True for the office's own working area; otherwise a neighbour in <see cref="AreaOptions.Neighbours"/> serves it.</summary>
    public bool Served { get; set; }
}
