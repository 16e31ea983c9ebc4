// A file of the tests: the web app's build never writes this name.
console.log('precompressed');
