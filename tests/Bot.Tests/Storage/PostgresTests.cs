using Microsoft.EntityFrameworkCore;
using Npgsql;
using Timpora.Bot.Storage;
using Timpora.Bot.Tests.Support;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Reports;
using Timpora.Core.Scheduling;
using Timpora.Core.Visits;
using Timpora.Core.Storage;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Storage;

/// <summary>The scale-out database: the same hand-written migration must build the model on PostgreSQL too.</summary>
public sealed class PostgresTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task The_migrations_build_exactly_the_schema_of_the_model_on_PostgreSQL()
    {
        await server.CreateDatabaseAsync("migrated");
        await server.CreateDatabaseAsync("created");

        await using (var db = Open("migrated"))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = Open("created"))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await SchemaAsync("created");
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await SchemaAsync("migrated"));
    }

    [Fact]
    public async Task The_service_runs_on_PostgreSQL_and_answers_start()
    {
        await server.CreateDatabaseAsync("service");
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api, s =>
        {
            s["Database:Provider"] = "Postgres";
            s["ConnectionStrings:Timpora"] = server.ConnectionString("service");
        });

        api.SendText(9001, "/start");
        var menu = await api.WaitForMessageAsync(m => m.ChatId == 9001, TimeSpan.FromSeconds(15));

        Assert.Equal(6, menu.Buttons.Count);
        Assert.Equal(1, await host.InScopeAsync(db => db.Conversations.CountAsync()));
    }

    [Fact]
    public async Task A_report_at_the_longest_a_reporter_can_type_is_stored_on_PostgreSQL()
    {
        await server.CreateDatabaseAsync("reports");
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api, s =>
        {
            s["Database:Provider"] = "Postgres";
            s["ConnectionStrings:Timpora"] = server.ConnectionString("reports");
        });

        // Counted as people see characters: 2,000 houses and 60 flags are far more UTF-16 units than that.
        var text = string.Concat(Enumerable.Repeat("🏠", ReportFlow.LongestText));
        var nationality = string.Concat(Enumerable.Repeat("🇨🇳", 60));
        var draft = new ReportDraft
        {
            Category = ReportCategory.Other,
            Text = text,
            Place = new ReportPlace(null, null, new string('x', RoughPlaceAnswer.Longest), null, Outside: false),
            Seen = SeenPeriod.Today,
            People = ReportFlow.MostPeople,
            Nationality = nationality,
        };
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var submitted = await scope.ServiceProvider.GetRequiredService<Core.Reports.Reports>().SubmitAsync(draft, "telegram", DateTimeOffset.UtcNow, CancellationToken.None);
            Assert.NotNull(submitted.ReceiptCode);
            await scope.ServiceProvider.GetRequiredService<TimporaDb>().SaveChangesAsync();
        }

        var stored = await host.InScopeAsync(db => db.Reports.SingleAsync());
        Assert.Equal(text, stored.Text);
        Assert.Equal(nationality, stored.Nationality);
    }

    [Fact]
    public async Task A_visit_with_the_longest_name_place_and_reason_a_citizen_can_type_is_stored_on_PostgreSQL()
    {
        await server.CreateDatabaseAsync("visits");
        await using (var db = Open("visits"))
        {
            await db.Database.MigrateAsync();
        }

        // 100, 300 and 500 characters as people count them, each an emoji of several UTF-16 units.
        var name = string.Concat(Enumerable.Repeat("👩🏽‍⚕️", 100));
        var place = string.Concat(Enumerable.Repeat("🏥", 300));
        var reason = string.Concat(Enumerable.Repeat("🇮🇩", 500));
        var facts = new VisitFacts(VisitReason.Other, reason, VisitService.NewPassport, 1, null, "Kota Serang", place, name, "3604014501900003", "+6281234567890", null);
        var slot = new Slot(new DateOnly(2026, 12, 1), new TimeOnly(9, 0), new TimeOnly(11, 0));
        await using (var db = Open("visits"))
        {
            db.Visits.Add(new Visit("JB-TEST01", new ConversationAddress("telegram", "1"), Language.Indonesian, facts, slot, DateTimeOffset.UtcNow, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        await using var check = Open("visits");
        var stored = await check.Visits.SingleAsync();
        Assert.Equal(name, stored.ApplicantName);
        Assert.Equal(place, stored.PlaceDetails);
        Assert.Equal(reason, stored.ReasonNote);
    }

    private TimporaDb Open(string database) =>
        new(new DbContextOptionsBuilder<TimporaDb>()
            .UseNpgsql(server.ConnectionString(database), x => x.MigrationsAssembly(typeof(StorageRegistration).Assembly.GetName().Name))
            .Options);

    private async Task<List<string>> SchemaAsync(string database)
    {
        const string Sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' nullable=' || is_nullable
                   || ' identity=' || is_identity || ' length=' || coalesce(character_maximum_length::text, '-')
              FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name NOT LIKE '__EFMigrations%'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '__EFMigrations%'
            UNION ALL
            SELECT 'constraint ' || conname || ' ' || contype::text FROM pg_constraint
             WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '"__EFMigrations%'
            ORDER BY 1
            """;
        await using var connection = new NpgsqlConnection(server.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
