using Microsoft.Extensions.Logging;

namespace CoachBot.Testing.Logging;

/// <summary>One log call as the app made it: level, category, event, the formatted message and any exception.</summary>
public sealed record LoggedEntry(LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}[{EventId.Id}] {Message}{(Exception is null ? "" : $" {Exception.GetType().Name}: {Exception.Message}")}";
}
