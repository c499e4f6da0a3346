using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Timpora.Core.Storage;

namespace Timpora.Bot.Storage.Migrations;

/// <summary>Jemput Bola visits, the load of each window, closed days, officers and their invites. Written by hand, like M001.</summary>
[DbContext(typeof(TimporaDb))]
[Migration("20261122000002_JemputBola")]
public sealed class M002JemputBola : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "visits",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                Code = t.Column<string>(maxLength: 16, nullable: false),
                Channel = t.Column<string>(maxLength: 32, nullable: false),
                ChatKey = t.Column<string>(maxLength: 256, nullable: false),
                Language = t.Column<int>(nullable: false),
                Reason = t.Column<int>(nullable: false),
                ReasonNote = t.Column<string>(maxLength: 500, nullable: true),
                Service = t.Column<int>(nullable: false),
                Applicants = t.Column<int>(nullable: false),
                Latitude = t.Column<double>(nullable: true),
                Longitude = t.Column<double>(nullable: true),
                Address = t.Column<string>(maxLength: 500, nullable: true),
                PlaceDetails = t.Column<string>(maxLength: 500, nullable: false),
                ApplicantName = t.Column<string>(maxLength: 100, nullable: false),
                Nik = t.Column<string>(maxLength: 16, nullable: false),
                Phone = t.Column<string>(maxLength: 16, nullable: false),
                LetterPhotoId = t.Column<string>(maxLength: 256, nullable: true),
                Date = t.Column<DateOnly>(nullable: false),
                Starts = t.Column<TimeOnly>(nullable: false),
                Ends = t.Column<TimeOnly>(nullable: false),
                StartsAt = t.Column<DateTime>(nullable: false),
                Status = t.Column<int>(nullable: false),
                OfficerId = t.Column<long>(nullable: true),
                Reminded = t.Column<int>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_visits", x => x.Id));
        migrationBuilder.CreateIndex("IX_visits_Code", "visits", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_visits_Channel_ChatKey", "visits", ["Channel", "ChatKey"]);
        migrationBuilder.CreateIndex("IX_visits_Date_Status", "visits", ["Date", "Status"]);

        migrationBuilder.CreateTable(
            name: "slot_loads",
            columns: t => new
            {
                Date = t.Column<DateOnly>(nullable: false),
                Starts = t.Column<TimeOnly>(nullable: false),
                Units = t.Column<int>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_slot_loads", x => new { x.Date, x.Starts }));

        migrationBuilder.CreateTable(
            name: "closed_days",
            columns: t => new
            {
                Date = t.Column<DateOnly>(nullable: false),
                ClosedBy = t.Column<long>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_closed_days", x => x.Date));

        migrationBuilder.CreateTable(
            name: "officers",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                Role = t.Column<int>(nullable: false),
                Channel = t.Column<string>(maxLength: 32, nullable: true),
                ChatKey = t.Column<string>(maxLength: 256, nullable: true),
                Active = t.Column<bool>(nullable: false),
                EnrolledAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_officers", x => x.Id));
        migrationBuilder.CreateIndex("IX_officers_Channel_ChatKey", "officers", ["Channel", "ChatKey"]);

        migrationBuilder.CreateTable(
            name: "officer_invites",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CodeHash = t.Column<string>(maxLength: 64, nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                Role = t.Column<int>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                ExpiresAt = t.Column<DateTime>(nullable: false),
                UsedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_officer_invites", x => x.Id));
        migrationBuilder.CreateIndex("IX_officer_invites_CodeHash", "officer_invites", "CodeHash", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("officer_invites");
        migrationBuilder.DropTable("officers");
        migrationBuilder.DropTable("closed_days");
        migrationBuilder.DropTable("slot_loads");
        migrationBuilder.DropTable("visits");
    }
}
