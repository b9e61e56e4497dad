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
