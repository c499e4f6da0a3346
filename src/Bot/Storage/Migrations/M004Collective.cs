using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Timpora.Core.Storage;

namespace Timpora.Bot.Storage.Migrations;

/// <summary>Collective (Umrah) sessions: the request, the officers who go, and the roster.</summary>
[DbContext(typeof(TimporaDb))]
[Migration("20261122000004_Collective")]
public sealed class M004Collective : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "sessions",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                Code = t.Column<string>(maxLength: 16, nullable: false),
                Channel = t.Column<string>(maxLength: 32, nullable: false),
                ChatKey = t.Column<string>(maxLength: 256, nullable: false),
                Language = t.Column<int>(nullable: false),
                Organisation = t.Column<int>(nullable: false),
                OrganisationName = t.Column<string>(maxLength: TimporaDb.TypedAnswer, nullable: false),
                CoordinatorName = t.Column<string>(maxLength: TimporaDb.TypedAnswer, nullable: false),
                CoordinatorPhone = t.Column<string>(maxLength: 16, nullable: false),
                Purpose = t.Column<int>(nullable: false),
                ExpectedApplicants = t.Column<int>(nullable: false),
                Latitude = t.Column<double>(nullable: true),
                Longitude = t.Column<double>(nullable: true),
                Address = t.Column<string>(maxLength: 500, nullable: true),
                VenueDetails = t.Column<string>(maxLength: TimporaDb.TypedAnswer, nullable: false),
                Preferred = t.Column<string>(maxLength: 64, nullable: false),
                Status = t.Column<int>(nullable: false),
                Date = t.Column<DateOnly>(nullable: true),
                Starts = t.Column<TimeOnly>(nullable: true),
                StartsAt = t.Column<DateTime>(nullable: true),
                DeclineReason = t.Column<string>(maxLength: TimporaDb.TypedAnswer, nullable: true),
                ApplicationsTaken = t.Column<int>(nullable: true),
                CoordinatorReminded = t.Column<int>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_sessions", x => x.Id));
        migrationBuilder.CreateIndex("IX_sessions_Code", "sessions", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_sessions_Channel_ChatKey", "sessions", ["Channel", "ChatKey"]);
        migrationBuilder.CreateIndex("IX_sessions_Status_Date", "sessions", ["Status", "Date"]);

        migrationBuilder.CreateTable(
            name: "session_officers",
            columns: t => new
            {
                SessionId = t.Column<long>(nullable: false),
                OfficerId = t.Column<long>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_session_officers", x => new { x.SessionId, x.OfficerId });
                t.ForeignKey("FK_session_officers_sessions_SessionId", x => x.SessionId, "sessions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_session_officers_OfficerId", "session_officers", "OfficerId");

        migrationBuilder.CreateTable(
            name: "applicants",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                SessionId = t.Column<long>(nullable: false),
                FullName = t.Column<string>(maxLength: TimporaDb.TypedAnswer, nullable: false),
                Nik = t.Column<string>(maxLength: 16, nullable: false),
                BirthDate = t.Column<DateOnly>(nullable: false),
                Passport = t.Column<int>(nullable: false),
                Phone = t.Column<string>(maxLength: 16, nullable: false),
                Source = t.Column<int>(nullable: false),
                Channel = t.Column<string>(maxLength: 32, nullable: true),
                ChatKey = t.Column<string>(maxLength: 256, nullable: true),
                Language = t.Column<int>(nullable: false),
                Reminded = t.Column<int>(nullable: false),
                AddedAt = t.Column<DateTime>(nullable: false),
                LinkedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_applicants", x => x.Id);
                t.ForeignKey("FK_applicants_sessions_SessionId", x => x.SessionId, "sessions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_applicants_SessionId_Nik", "applicants", ["SessionId", "Nik"], unique: true);
        migrationBuilder.CreateIndex("IX_applicants_Nik", "applicants", "Nik");
        migrationBuilder.CreateIndex("IX_applicants_Channel_ChatKey", "applicants", ["Channel", "ChatKey"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("applicants");
        migrationBuilder.DropTable("session_officers");
        migrationBuilder.DropTable("sessions");
    }
}
