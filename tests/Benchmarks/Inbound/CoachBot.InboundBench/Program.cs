using CoachBot.InboundBench;

// fake port=…            the loopback Slack Web API CoachBot calls (auth.test, users.info, response_url)
// load url=… secret=…    one timed run of signed "/coach help" against url; prints one result line
var options = BenchArgs.Parse(args.Skip(1));
return args.FirstOrDefault() switch
{
    "fake" => await FakeSlackApi.RunAsync(options.Int("port", 5310), options.Int("users", BenchUsers.Count)),
    "load" => await LoadRun.RunAsync(LoadSettings.From(options)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CoachBot.InboundBench fake port=5310 | load url=http://127.0.0.1:5080/slack/commands secret=… [seconds=10 warmup=3 connections=32 users=400 fake=http://127.0.0.1:5310/]");
    return 2;
}
