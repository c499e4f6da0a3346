using System.Security.Cryptography;
using Timpora.Bot.Storage;
using Timpora.Core.Privacy;

namespace Timpora.Bot.Conversations;

/// <summary>
/// The key behind pseudonyms: from Privacy:PseudonymKey when set (required with several instances), otherwise
/// generated once into a file beside the SQLite database, readable only by the service's user.
/// </summary>
internal static class PseudonymKey
{
    public static byte[] Load(IConfiguration configuration)
    {
        var configured = configuration[$"{PrivacyOptions.SectionName}:{nameof(PrivacyOptions.PseudonymKey)}"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                var key = Convert.FromBase64String(configured);
                return key.Length >= 32 ? key : throw new FormatException();
            }
            catch (FormatException)
            {
                throw new InvalidOperationException("Privacy:PseudonymKey must be base64 of at least 32 random bytes (e.g. 'openssl rand -base64 32').");
            }
        }

        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Privacy:PseudonymKey must be set when Database:Provider is Postgres: every instance needs the same key.");
        }

        // Beside the database file; an in-memory database (tests, trials) still gets a key that outlives the run.
        var folder = Path.GetDirectoryName(SqliteFile.PathOf(configuration.GetConnectionString(StorageRegistration.ConnectionName)))
            ?? Path.GetFullPath("data");
        var file = Path.Combine(folder, "pseudonym.key");
        if (File.Exists(file))
        {
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }

        Directory.CreateDirectory(folder);
        var fresh = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(file, Convert.ToBase64String(fresh));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return fresh;
    }
}
