using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Demo;

public static class DemoRegistration
{
    /// <summary>Call after AddCoachBotStorage: in demo mode the DemoClock replaces the system TimeProvider.</summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>();
        builder.Services.AddOptions<DemoOptions>()
            .BindConfiguration(DemoOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (!IsEnabled(builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddSingleton(new DemoClock(TimeProvider.System));
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(services => services.GetRequiredService<DemoClock>()));
        builder.Services.AddSingleton<DemoDeadlines>();
        builder.Services.TryAddSingleton<IDemoNudgeTrigger, InlineNudgeTrigger>();
        builder.Services.AddSingleton<DemoFastForward>();
        // The clock store first: the seeder and the Hangfire server (registered later) must see the restored time.
        builder.Services.AddSingleton<DemoClockStore>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DemoClockStore>());
        builder.Services.AddHostedService<DemoRosterSeeder>();
        return builder;
    }

    public static WebApplication MapDemo(this WebApplication app)
    {
        if (IsEnabled(app.Configuration))
        {
            // Said once the server runs, not while building the app: `migrate` builds it too, and run.sh printed it twice.
            app.Lifetime.ApplicationStarted.Register(() => DemoLog.Enabled(app.Logger));
            app.MapDemoEndpoints();
        }

        return app;
    }

    private static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>($"{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}");
}
