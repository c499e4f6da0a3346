namespace Timpora.Core.Reports;

/// <summary>What a reporter says they saw; the numbers are stored, so never renumber.</summary>
public enum ReportCategory
{
    Overstay = 1,
    IllegalWork = 2,
    Disturbance = 3,
    Drugs = 4,
    SuspiciousResidence = 5,
    Other = 6,
}
