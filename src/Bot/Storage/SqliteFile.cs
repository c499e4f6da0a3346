using Microsoft.Data.Sqlite;

namespace Timpora.Bot.Storage;

/// <summary>Where a SQLite connection string points: the one reading of it for code that needs the file.</summary>
internal static class SqliteFile
{
    /// <summary>The database file's full path, or null for an in-memory database.</summary>
    public static string? PathOf(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:"
            ? null
            : Path.GetFullPath(builder.DataSource);
    }
}
