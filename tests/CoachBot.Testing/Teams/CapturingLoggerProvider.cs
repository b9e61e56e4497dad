using CoachBot.Testing.Logging;

namespace CoachBot.Testing.Teams;

/// <summary>Keeps every formatted log line, so tests can check what is (and is never) logged (see <see cref="LogCollector"/>).</summary>
public sealed class CapturingLoggerProvider : LogCollector;
