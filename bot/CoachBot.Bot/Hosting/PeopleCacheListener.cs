using CoachBot.Coaching.People;

namespace CoachBot.Bot.Hosting;

/// <summary>Runs the people cache's change feed for the life of the host.</summary>
internal sealed class PeopleCacheListener(PeopleCacheFeed feed) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => feed.RunAsync(stoppingToken);
}
