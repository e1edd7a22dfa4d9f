/**
 * The smallest browser entry: marks the page as scripted (class "js" on <html>) so pages can show controls that
 * need a script only where one runs. Kept as the pipeline's own check (bundled, hashed, served, executed).
 */
document.documentElement.classList.add('js');
