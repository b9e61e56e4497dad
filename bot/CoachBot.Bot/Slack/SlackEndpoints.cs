namespace CoachBot.Bot.Slack;

public static class SlackEndpoints
{
    /// <summary>The three Request URLs of deploy/slack/manifest.yaml, plus the OAuth install pair when configured; nothing is mapped while Slack is off.</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        // Asks whether Slack was registered without building anything, so bad settings still fail in RunCoachBotAsync's one line.
        if (!app.ServiceProvider.GetRequiredService<IServiceProviderIsService>().IsService(typeof(SlackInboundStore)))
        {
            SlackEndpointLog.Off(app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints)));
            return app;
        }

        var slack = app.MapGroup("/slack").RequireSlackSignature().DisableAntiforgery();
        slack.MapPost("/events", SlackEventsEndpoint.HandleAsync).WithMetadata(SlackPayloadType.Json);
        slack.MapPost("/commands", SlackCommandsEndpoint.HandleAsync).WithMetadata(SlackPayloadType.Form);
        slack.MapPost("/interactions", SlackInteractionsEndpoint.HandleAsync).WithMetadata(SlackPayloadType.Form);
        if (app.ServiceProvider.GetRequiredService<IServiceProviderIsService>().IsService(typeof(SlackInstallStates)))
        {
            app.MapSlackInstall();
        }

        return app;
    }
}
