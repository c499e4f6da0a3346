using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Storage;

namespace Timpora.Core.Tests.Support;

/// <summary>A real SQLite database in memory; it lives as long as this object keeps its connection open.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly DbContextOptions<TimporaDb> _options;

    public TestDatabase()
    {
        _connection = new SqliteConnection("DataSource=:memory:");
        _connection.Open();
        _options = new DbContextOptionsBuilder<TimporaDb>()
            .UseSqlite(_connection)
            .AddInterceptors(Saves)
            .Options;
        using var db = NewDb();
        db.Database.EnsureCreated();
        Saves.Clear();
    }

    /// <summary>Every SaveChanges on this database, with what it wrote.</summary>
    public SaveRecorder Saves { get; } = new();

    /// <summary>A fresh unit of work, like a new DI scope in the host.</summary>
    public TimporaDb NewDb() => new(_options);

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Every non-null cell of a table, as text: what someone holding a copy of the database could read.</summary>
    public IReadOnlyList<string> Cells(string table)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        using var reader = command.ExecuteReader();
        var cells = new List<string>();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (!reader.IsDBNull(i))
                {
                    cells.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
                }
            }
        }

        return cells;
    }

    public void Dispose() => _connection.Dispose();
}
