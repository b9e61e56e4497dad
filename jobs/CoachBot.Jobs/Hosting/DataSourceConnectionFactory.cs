using Hangfire.PostgreSql;
using Npgsql;

namespace CoachBot.Jobs.Hosting;

// Hangfire.PostgreSql cannot take an NpgsqlDataSource directly; the maintainers suggest this one-line factory.
internal sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
}
