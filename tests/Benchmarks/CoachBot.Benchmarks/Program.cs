using CoachBot.Benchmarks;

// coordinator: creates the database, runs the fake platforms, starts/kills worker processes, measures.
// worker: one CoachBot jobs instance (Hangfire server + dispatcher ticks + real senders) against that database.
return args.FirstOrDefault() switch
{
    "worker" => await WorkerHost.RunAsync(BenchArgs.Parse(args[1..])),
    "slots" => SlotProbe.Run(BenchArgs.Parse(args[1..])),
    "plain" => await PlainClient.RunAsync(BenchArgs.Parse(args[1..])),
    "claim" => await ClaimProbe.RunAsync(BenchArgs.Parse(args[1..])),
    _ => await Coordinator.RunAsync(BenchArgs.Parse(args)),
};
