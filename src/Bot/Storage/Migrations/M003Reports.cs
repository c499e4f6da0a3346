using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Timpora.Core.Storage;

namespace Timpora.Bot.Storage.Migrations;

/// <summary>Anonymous reports, their threads and their cleaned photos. No column can hold who sent a report.</summary>
[DbContext(typeof(TimporaDb))]
[Migration("20261122000003_Reports")]
public sealed class M003Reports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "reports",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                Number = t.Column<string>(maxLength: 16, nullable: false),
                ReceiptHash = t.Column<string>(maxLength: 64, nullable: false),
                Category = t.Column<int>(nullable: false),
                Text = t.Column<string>(maxLength: 8000, nullable: false),
                Latitude = t.Column<double>(nullable: true),
                Longitude = t.Column<double>(nullable: true),
                PlaceText = t.Column<string>(maxLength: 300, nullable: true),
                Region = t.Column<string>(maxLength: 100, nullable: true),
                OutsideArea = t.Column<bool>(nullable: false),
                Seen = t.Column<int>(nullable: false),
                SeenOn = t.Column<DateOnly>(nullable: false),
                People = t.Column<int>(nullable: true),
                Nationality = t.Column<string>(maxLength: TimporaDb.TypedAnswer, nullable: true),
                SubmittedAt = t.Column<DateTime>(nullable: false),
                Status = t.Column<int>(nullable: false),
                ClaimedBy = t.Column<long>(nullable: true),
                EscalatedAt = t.Column<DateTime>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_reports", x => x.Id));
        migrationBuilder.CreateIndex("IX_reports_Number", "reports", "Number", unique: true);
        migrationBuilder.CreateIndex("IX_reports_ReceiptHash", "reports", "ReceiptHash", unique: true);
        migrationBuilder.CreateIndex("IX_reports_Status_Category", "reports", ["Status", "Category"]);

        migrationBuilder.CreateTable(
            name: "report_entries",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                ReportId = t.Column<long>(nullable: false),
                Kind = t.Column<int>(nullable: false),
                Text = t.Column<string>(maxLength: 8000, nullable: false),
                OfficerId = t.Column<long>(nullable: true),
                At = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_report_entries", x => x.Id);
                t.ForeignKey("FK_report_entries_reports_ReportId", x => x.ReportId, "reports", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_report_entries_ReportId", "report_entries", "ReportId");

        migrationBuilder.CreateTable(
            name: "report_photos",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                ReportId = t.Column<long>(nullable: false),
                Bytes = t.Column<byte[]>(nullable: false),
                MimeType = t.Column<string>(maxLength: 32, nullable: false),
                AddedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_report_photos", x => x.Id);
                t.ForeignKey("FK_report_photos_reports_ReportId", x => x.ReportId, "reports", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_report_photos_ReportId", "report_photos", "ReportId");

        // M002 sized three typed answers by the characters people see; one emoji is several units, so on PostgreSQL a
        // long name could not be stored. SQLite does not enforce lengths, and rebuilding its table would gain nothing.
        if (!migrationBuilder.IsSqlite())
        {
            WidenVisitColumn(migrationBuilder, "ReasonNote", 500, nullable: true);
            WidenVisitColumn(migrationBuilder, "PlaceDetails", 500, nullable: false);
            WidenVisitColumn(migrationBuilder, "ApplicantName", 100, nullable: false);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (!migrationBuilder.IsSqlite())
        {
            NarrowVisitColumn(migrationBuilder, "ReasonNote", 500, nullable: true);
            NarrowVisitColumn(migrationBuilder, "PlaceDetails", 500, nullable: false);
            NarrowVisitColumn(migrationBuilder, "ApplicantName", 100, nullable: false);
        }

        migrationBuilder.DropTable("report_photos");
        migrationBuilder.DropTable("report_entries");
        migrationBuilder.DropTable("reports");
    }

    private static void WidenVisitColumn(MigrationBuilder migrationBuilder, string column, int was, bool nullable) =>
        migrationBuilder.AlterColumn<string>(column, "visits", maxLength: TimporaDb.TypedAnswer, nullable: nullable, oldMaxLength: was, oldNullable: nullable);

    private static void NarrowVisitColumn(MigrationBuilder migrationBuilder, string column, int to, bool nullable) =>
        migrationBuilder.AlterColumn<string>(column, "visits", maxLength: to, nullable: nullable, oldMaxLength: TimporaDb.TypedAnswer, oldNullable: nullable);
}
