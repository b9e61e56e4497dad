using CoachBot.Coaching.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace CoachBot.Testing;

/// <summary>
/// A fresh, migrated database on the real PostgreSQL that deploy/local/test.sh starts, one per test class
/// (use as an xunit class fixture), dropped afterwards so classes can run in parallel and leave nothing behind.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string ServerVariable = "COACHBOT_TEST_PG";
    private const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=coachbot;Database=postgres";

    private readonly string _name = $"cb_test_{Guid.NewGuid():N}";
    private NpgsqlDataSource? _dataSource;

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Database not initialised yet.");

    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s ? s : DefaultServer;

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(Server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {_name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _name, MaxPoolSize = 40 }.ConnectionString;
        new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance).Migrate(ConnectionString);
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {_name} with (force)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
