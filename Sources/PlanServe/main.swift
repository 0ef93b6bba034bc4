import PlanServeCore

await ServeMain.run(CommandLine.arguments)
