using CoachBot.Platforms.Slack;
using Hangfire;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Slack;

/// <summary>
/// In the background after start: schedules the stranded-request (and, with OAuth, the install-state) sweep and, with a single-workspace token, learns the
/// bot's own ids with auth.test (a working token re-enables its workspace; a dead one disables it). Never blocks or fails the start.
/// </summary>
internal sealed class SlackStartupService(
    IServiceScopeFactory scopes, SlackBotIdentity identity, SlackWorkspaces workspaces, SlackInboundSweepJob.Schedule sweep,
    IOptions<SlackOptions> options, ILogger<SlackStartupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            sweep.RegisterRecurringJobs();

            if (string.IsNullOrWhiteSpace(options.Value.BotToken))
            {
                // Installed workspaces only: each team's bot identity is known from its install or learned at first use.
                return;
            }

            using var scope = scopes.CreateScope();
            var me = await scope.ServiceProvider.GetRequiredService<SlackWebClient>().AuthTestAsync(null, stoppingToken);
            identity.Remember(me);
            await workspaces.EnableAsync(me.TeamId, me.UserId, stoppingToken);
            SlackEndpointLog.Identified(logger, me.UserId, me.BotId, me.TeamId);
        }
        catch (SlackApiException ex)
        {
            SlackEndpointLog.AuthTestFailed(logger, ex.Error);
            if (ex.ErrorClass == SlackErrorClass.WorkspaceFatal && options.Value.TeamId is { Length: > 0 } team)
            {
                await workspaces.DisableAsync(team, $"auth.test: {ex.Error}", CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SlackEndpointLog.AuthTestFailed(logger, ex.GetType().Name);
        }
    }
}
