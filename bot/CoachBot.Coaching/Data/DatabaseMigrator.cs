using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CoachBot.Coaching.Data;

/// <summary>Applies the embedded, versioned SQL scripts under Data/Migrations in name order, once each.</summary>
public sealed class DatabaseMigrator(ILogger<DatabaseMigrator> logger)
{
    // Several instances may start at once; one migrates while the others wait on this advisory lock.
    private const long MigrationLockKey = 0x436F616368426F74;

    private static readonly string[] Embedded = [.. typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
        .Where(IsMigration).Order(StringComparer.Ordinal)];

    /// <summary>The newest migration this build knows, e.g. <c>0700_answered_nudges.sql</c>.</summary>
    public static string Latest => ShortName(Embedded[^1]);

    /// <summary>Migrations this build has that the database has not applied: all of them when the schema is missing.</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var command = dataSource.CreateCommand("select scriptname from schemaversions");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // DbUp's journal is gone with everything else: nothing is applied.
        }

        return [.. Embedded.Where(name => !applied.Contains(name)).Select(ShortName)];
    }

    private static bool IsMigration(string name) => name.Contains(".Data.Migrations.", StringComparison.Ordinal);

    private static string ShortName(string resource) => resource[(resource.IndexOf(".Data.Migrations.", StringComparison.Ordinal) + ".Data.Migrations.".Length)..];

    public IReadOnlyList<string> Migrate(string connectionString)
    {
        using var lockConnection = new NpgsqlConnection(connectionString);
        lockConnection.Open();
        using (var take = new NpgsqlCommand($"select pg_advisory_lock({MigrationLockKey})", lockConnection))
        {
            take.ExecuteNonQuery();
        }

        try
        {
            var upgrader = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, IsMigration)
                .WithTransactionPerScript()
                .LogTo(new DbUpLog(logger))
                .Build();

            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException($"Migration failed in {result.ErrorScript?.Name}: {result.Error.Message}", result.Error);
            }

            return result.Scripts.Select(s => s.Name).ToList();
        }
        finally
        {
            using var release = new NpgsqlCommand($"select pg_advisory_unlock({MigrationLockKey})", lockConnection);
            release.ExecuteNonQuery();
        }
    }

    private sealed class DbUpLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);
        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogInformation(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);
        public void LogError(string format, params object[] args) => logger.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
