using CoachBot.Platforms.Slack;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot.Slack.SocketMode;

/// <summary>
/// Holds this instance's Socket Mode connection (every instance holds its own; Slack gives each envelope to one of them).
/// Every connect asks apps.connections.open for a fresh single-use URL. A <c>refresh_requested</c> or <c>warning</c>
/// disconnect gets a new connection at once, and the old one is closed only when the new one said hello, so no envelope
/// falls between; a drop or a dead socket reconnects with jittered back-off; <c>link_disabled</c> or
/// <c>socket_mode_disabled</c>, or a refused app token, stops for good with one log line.
/// </summary>
internal sealed class SlackSocketModeService(
    SlackSocketDispatch dispatch, SlackSocketState state, IServiceScopeFactory scopes, IOptions<SlackOptions> options, TimeProvider time,
    ILogger<SlackSocketModeService> logger) : BackgroundService
{
    private static readonly HashSet<string> Replaced = ["refresh_requested", "warning"];
    private static readonly HashSet<string> Disabled = ["link_disabled", "socket_mode_disabled"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        SlackSocketConnection? current = null;
        var failures = 0;
        var connections = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                string reason;
                try
                {
                    var next = await OpenAsync(settings, stoppingToken);
                    if (current is not null)
                    {
                        await current.CloseAsync();
                    }

                    current = next;
                    failures = 0;
                    state.Connected();
                    SlackSocketLog.Connected(logger, ++connections);
                    reason = await current.Ended.WaitAsync(stoppingToken);
                }
                catch (SlackApiException ex) when (ex.ErrorClass != SlackErrorClass.Retryable)
                {
                    reason = $"apps.connections.open answered {ex.Error}";
                    Stop(reason);
                    return;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    reason = $"connect failed ({ex.GetType().Name})";
                }

                if (Disabled.Contains(reason))
                {
                    Stop(reason);
                    return;
                }

                var refresh = Replaced.Contains(reason) && current is not null;
                if (!refresh && current is not null)
                {
                    await current.CloseAsync();
                    current = null;
                }

                var delay = refresh ? TimeSpan.Zero : SlackSocketBackoff.Delay(failures++, settings.SocketReconnectDelay, settings.SocketMaxReconnectDelay, Random.Shared.NextDouble());
                state.Reconnecting(reason);
                SlackSocketLog.Reconnecting(logger, refresh ? LogLevel.Information : LogLevel.Warning, reason, delay);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            if (current is not null)
            {
                await current.CloseAsync();
            }
        }
    }

    private async Task<SlackSocketConnection> OpenAsync(SlackOptions settings, CancellationToken cancellationToken)
    {
        Uri url;
        using (var scope = scopes.CreateScope())
        {
            url = await scope.ServiceProvider.GetRequiredService<SlackWebClient>().OpenSocketUrlAsync(settings.AppToken, cancellationToken);
        }

        return await SlackSocketConnection.OpenAsync(url, settings, dispatch, time, logger, cancellationToken);
    }

    private void Stop(string reason)
    {
        state.Stopped(reason);
        SlackSocketLog.Stopped(logger, reason);
    }
}
