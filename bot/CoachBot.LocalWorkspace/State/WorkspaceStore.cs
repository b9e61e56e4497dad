using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CoachBot.LocalWorkspace.State;

/// <summary>
/// Keeps the workspace history in Workspace:StateFile (run.sh: .local/workspace-state.json), so a restarted workspace
/// shows the same conversations as the CoachBot beside it, whose database still knows those messages. Loaded once
/// when the state is built; saved shortly after each change and on shutdown, through a temporary file and a rename,
/// so a crash mid-write leaves the previous copy. A file that cannot be read is set aside and the UI says so.
/// </summary>
public sealed partial class WorkspaceStore(IServiceProvider services, IOptions<WorkspaceOptions> options, ILogger<WorkspaceStore> logger) : BackgroundService
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private WorkspaceState? _state;

    private string? Path => string.IsNullOrWhiteSpace(options.Value.StateFile) ? null : System.IO.Path.GetFullPath(options.Value.StateFile);

    public WorkspaceState Load(WorkspaceState state)
    {
        _state = state;
        if (Path is not { } path || !File.Exists(path))
        {
            return state;
        }

        try
        {
            var saved = JsonSerializer.Deserialize<SavedWorkspace>(File.ReadAllText(path), Json);
            if (saved is null || saved.Format != SavedWorkspace.CurrentFormat || saved.TeamId != state.Ids.TeamId)
            {
                throw new JsonException($"not a format-{SavedWorkspace.CurrentFormat} history of workspace {state.Ids.TeamId}");
            }

            state.Import(saved);
            LogLoaded(logger, path, saved.Conversations.Sum(c => c.Messages.Count));
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            var aside = $"{path}.unreadable-{DateTime.UtcNow:yyyyMMddHHmmss}";
            TryMove(path, aside);
            state.Notice = $"The earlier workspace history could not be read, so this workspace starts empty (the old file is kept as {System.IO.Path.GetFileName(aside)}). CoachBot still remembers its side.";
            LogUnreadable(logger, path, ex.GetType().Name);
        }

        return state;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Path is null)
        {
            return;
        }

        // Resolving the state loads the saved history (see Load), before the first request can.
        var state = services.GetRequiredService<WorkspaceState>();
        var saved = state.Feed.Version;
        while (!stoppingToken.IsCancellationRequested)
        {
            var version = await state.Feed.WaitForChangeAsync(saved, TimeSpan.FromMinutes(5), stoppingToken);
            if (version == saved)
            {
                continue;
            }

            try
            {
                // A burst of changes (a fast-forward, a reply with an update) is written once.
                await Task.Delay(Settle, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            saved = state.Feed.Version;
            Save(state);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (Path is not null && _state is { } state)
        {
            Save(state);
        }
    }

    private void Save(WorkspaceState state)
    {
        var path = Path!;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(state.Export(), Json));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogSaveFailed(logger, path, ex.Message);
        }
    }

    private static void TryMove(string from, string to)
    {
        try
        {
            File.Move(from, to, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Saving over it later is the fallback; the notice is shown either way.
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Workspace history restored from {Path}: {Messages} messages")]
    private static partial void LogLoaded(ILogger logger, string path, int messages);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Workspace history in {Path} could not be read ({Reason}); starting empty")]
    private static partial void LogUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Workspace history could not be saved to {Path}: {Reason}")]
    private static partial void LogSaveFailed(ILogger logger, string path, string reason);
}
