using CoachBot.Coaching.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Bot.Hosting;

public static class StorageRegistration
{
    public static WebApplicationBuilder AddCoachBotStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateOnStart();

        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var dataSource = new NpgsqlDataSourceBuilder(options.CoachBot);
            dataSource.ConnectionStringBuilder.ApplicationName ??= "coachbot";
            // Inbound requests run the same few statements all day: prepared after their second use, PostgreSQL skips
            // parsing and planning them (issue 14). CoachBot sets no session state outside a transaction (SET LOCAL /
            // set_config(..., true) only; the people cache's LISTEN ends with UNLISTEN), so the reset a pooled connection
            // would otherwise send (DISCARD ALL) buys nothing and would throw those prepared statements away.
            dataSource.ConnectionStringBuilder.MaxAutoPrepare = dataSource.ConnectionStringBuilder.MaxAutoPrepare is 0 ? 64 : dataSource.ConnectionStringBuilder.MaxAutoPrepare;
            dataSource.ConnectionStringBuilder.NoResetOnClose = true;
            return dataSource.Build();
        });
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService<MigrateOnStartService>();
        builder.Services.AddSingleton<SchemaGuard>();
        builder.Services.AddHostedService(s => s.GetRequiredService<SchemaGuard>());
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
