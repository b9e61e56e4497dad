using CoachBot.Platforms.Teams;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Teams;

// One line at start saying which mode Teams is in; the local no-auth mode must never go unnoticed.
internal sealed class TeamsStartupNotice(IOptions<TeamsOptions> teams, ILogger<TeamsStartupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (teams.Value.HasCredentials)
        {
            Log.Enabled(logger, teams.Value.AppId);
        }
        else if (teams.Value.IsLocalMode)
        {
            Log.LocalMode(logger);
        }
        else
        {
            Log.Off(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
