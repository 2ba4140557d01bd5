import ts from 'typescript';

/**
 * Every call and new expression of a file in document order, by one walk with an explicit stack:
 * user files can nest expressions tens of thousands deep, which a recursive walk cannot survive.
 */
export function collectCalls(sourceFile: ts.SourceFile): (ts.CallExpression | ts.NewExpression)[] {
  const calls: (ts.CallExpression | ts.NewExpression)[] = [];
  const stack: ts.Node[] = [sourceFile];
  const children: ts.Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) calls.push(node);
    children.length = 0;
    node.forEachChild((child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return calls;
}
