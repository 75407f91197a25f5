using BenchmarkDotNet.Running;

// Every benchmark class carries its own job and diagnosers; the switcher picks classes by --filter.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
