using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Timpora.Core.Storage;

namespace Timpora.Bot.Storage.Migrations;

/// <summary>
/// Written by hand (the EF Design package is not on our feed). Column types are left to the provider so the same
/// migration builds SQLite and PostgreSQL; MigrationsMatchTheModel proves it builds exactly the model.
/// </summary>
[DbContext(typeof(TimporaDb))]
[Migration("20261122000001_Foundation")]
public sealed class M001Foundation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "conversations",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                Pseudonym = t.Column<string>(maxLength: 64, nullable: false),
                Language = t.Column<int>(nullable: false),
                LanguageChosen = t.Column<bool>(nullable: false),
                Flow = t.Column<string>(maxLength: 32, nullable: true),
                FlowState = t.Column<string>(nullable: true),
                Choices = t.Column<string>(nullable: true),
                Unreachable = t.Column<bool>(nullable: false),
                Version = t.Column<int>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_conversations", x => x.Id));
        migrationBuilder.CreateIndex("IX_conversations_Pseudonym", "conversations", "Pseudonym", unique: true);

        migrationBuilder.CreateTable(
            name: "inbox",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                Channel = t.Column<string>(maxLength: 32, nullable: false),
                UpdateId = t.Column<string>(maxLength: 128, nullable: false),
                ConversationKey = t.Column<string>(maxLength: 64, nullable: true),
                Message = t.Column<string>(nullable: true),
                Done = t.Column<bool>(nullable: false),
                ReceivedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_inbox", x => x.Id));
        migrationBuilder.CreateIndex("IX_inbox_Channel_UpdateId", "inbox", ["Channel", "UpdateId"], unique: true);
        migrationBuilder.CreateIndex("IX_inbox_Done", "inbox", "Done");

        migrationBuilder.CreateTable(
            name: "outbox",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                Channel = t.Column<string>(maxLength: 32, nullable: false),
                ChatKey = t.Column<string>(maxLength: 256, nullable: true),
                Message = t.Column<string>(nullable: true),
                IdempotencyKey = t.Column<string>(maxLength: 200, nullable: true),
                Status = t.Column<int>(nullable: false),
                Attempts = t.Column<int>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                NextAttemptAt = t.Column<DateTime>(nullable: false),
                LastError = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_outbox", x => x.Id));
        migrationBuilder.CreateIndex("IX_outbox_IdempotencyKey", "outbox", "IdempotencyKey", unique: true);
        migrationBuilder.CreateIndex("IX_outbox_Status_NextAttemptAt", "outbox", ["Status", "NextAttemptAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("outbox");
        migrationBuilder.DropTable("inbox");
        migrationBuilder.DropTable("conversations");
    }
}
