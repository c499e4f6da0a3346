using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Timpora.Bot.Storage;
using Timpora.Core.Storage;

namespace Timpora.Bot.Tests.Storage;

public sealed class MigrationTests
{
    [Fact]
    public async Task The_hand_written_migrations_build_exactly_the_schema_of_the_model()
    {
        var folder = Support.BotHost.NewFolder();
        var migrated = Path.Combine(folder, "migrated.db");
        var created = Path.Combine(folder, "created.db");

        await using (var db = Open(migrated))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = Open(created))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await SchemaAsync(created);
        var actual = await SchemaAsync(migrated);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Every_migration_is_applied_and_none_is_pending()
    {
        var folder = Support.BotHost.NewFolder();
        await using var db = Open(Path.Combine(folder, "fresh.db"));

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    private static TimporaDb Open(string file) =>
        new(new DbContextOptionsBuilder<TimporaDb>()
            .UseSqlite($"Data Source={file};Pooling=False", x => x.MigrationsAssembly(typeof(StorageRegistration).Assembly.GetName().Name))
            .Options);

    /// <summary>Tables, columns (type, nullability, key) and indexes (uniqueness, columns), in a comparable form.</summary>
    private static async Task<List<string>> SchemaAsync(string file)
    {
        var schema = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        var tables = await ReadAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' ORDER BY name");
        foreach (var table in tables.Select(t => t[0]))
        {
            foreach (var column in await ReadAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY name"))
            {
                schema.Add($"{table}.{column[0]} {column[1]} notnull={column[2]} pk={column[3]}");
            }

            foreach (var index in await ReadAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin <> 'pk' ORDER BY name"))
            {
                var columns = await ReadAsync(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno");
                schema.Add($"{table} index {index[0]} unique={index[1]} ({string.Join(",", columns.Select(c => c[0]))})");
            }
        }

        return schema;
    }

    private static async Task<List<string[]>> ReadAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString() ?? "").ToArray());
        }

        return rows;
    }
}
